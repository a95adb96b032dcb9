/**
 * Assembly of the core: {@link org.iep.core.wiring.IepCore} for plain constructors and
 * {@link org.iep.core.wiring.IepCoreModule} for Guice, both over {@link org.iep.core.wiring.Ports}.
 */
package org.iep.core.wiring;
