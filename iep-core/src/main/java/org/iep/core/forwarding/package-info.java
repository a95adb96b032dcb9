/**
 * Forwarding: an individual sends an onward copy of a package they received (the forward wizard). At most
 * {@code maxForwards} (3) forwards per received package, counted atomically with the insert of the forward;
 * recipients of a forward cannot forward; the disclaimer must be accepted; a forward never outlives its source; the
 * originating institution is told. Nothing here accepts or returns null; every public class is thread-safe.
 */
package org.iep.core.forwarding;
