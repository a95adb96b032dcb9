package org.iep.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One action to record: who, what, which, when, outcome, from where. Never holds a secret (tokens, passcodes,
 * session IDs) — only their hashes' prefixes if at all.
 *
 * @param actor          e.g. {@code user:u-12}, {@code grant:g-7}, {@code system:purge}
 * @param institution    the actor's institution ID, or empty for individuals and the system
 * @param action         a stable dotted name, e.g. {@code passcode.verify}, {@code transaction.create}
 * @param transaction    the transaction ID concerned, or empty
 * @param patientId      the DICOM patient ID concerned, or empty
 * @param accessionNumbers accession numbers concerned
 * @param remoteAddress  the client's address, or empty for internal actions
 * @param detail         a short, non-sensitive description
 */
public record AuditEvent(
        Instant at,
        String actor,
        String institution,
        String action,
        String transaction,
        String patientId,
        List<String> accessionNumbers,
        Outcome outcome,
        String remoteAddress,
        String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(patientId, "patientId");
        accessionNumbers = List.copyOf(accessionNumbers);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(detail, "detail");
    }
}
