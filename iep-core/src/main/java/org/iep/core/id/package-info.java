/** Identifiers and secrets drawn from the injected SecureRandom. */
package org.iep.core.id;
