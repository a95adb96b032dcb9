/**
 * Outbound delivery lanes by priority (DESIGN.md §4): a delivery job per transaction on the {@code JobQueue},
 * lanes reserved for Blue Light, Batch only in the sender's overnight window. The DICOM work itself is behind
 * {@link org.iep.core.delivery.DeliveryHandler}. Nothing here is null; every public class states its thread-safety.
 */
package org.iep.core.delivery;
