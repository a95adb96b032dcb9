/**
 * The IEP API: the error family ({@link org.iep.api.IepException} and its five kinds, with stable
 * {@link org.iep.api.ErrorCode}s). Domain types live in the feature packages beside this one; ports that
 * adapters implement live in {@code org.iep.api.spi}. Depends on the JDK alone.
 *
 * <p>Nothing in this module accepts null unless a parameter says so; all types are immutable and thread-safe
 * unless stated.
 */
package org.iep.api;
