package org.iep.core.delivery;

import org.iep.api.transaction.Transaction;

/**
 * Does the delivery work of one transaction (retrieve from the source, send to the destination node). Called by
 * {@link OutboundLanes} with at-least-once semantics, so implementations are idempotent. Expected outcomes are
 * results; a thrown {@code IepException} that is {@code retryable()} is retried like {@link DeliveryResult.Retry},
 * any other {@code IepException} gives the job up. Implementations are thread-safe: every lane calls the same one.
 * No implementation ships yet (DICOM retrieve/store is a later issue), so wiring {@link OutboundLanes} without one
 * fails at start-up rather than silently dropping deliveries.
 */
public interface DeliveryHandler {
    DeliveryResult deliver(Transaction transaction);
}
