package org.iep.api.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A search over audit records; empty criteria match everything. Results are in sequence order.
 *
 * @param from inclusive; @param to exclusive
 */
public record AuditQuery(
        Optional<String> transaction,
        Optional<String> patientId,
        Optional<String> accessionNumber,
        Optional<String> actor,
        Optional<String> institution,
        Optional<Instant> from,
        Optional<Instant> to,
        int limit) {

    public AuditQuery {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static AuditQuery all(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public AuditQuery withTransaction(String id) {
        return new AuditQuery(Optional.of(id), patientId, accessionNumber, actor, institution, from, to, limit);
    }

    public AuditQuery withPatient(String id) {
        return new AuditQuery(transaction, Optional.of(id), accessionNumber, actor, institution, from, to, limit);
    }

    public AuditQuery withAccession(String number) {
        return new AuditQuery(transaction, patientId, Optional.of(number), actor, institution, from, to, limit);
    }

    public AuditQuery withActor(String id) {
        return new AuditQuery(transaction, patientId, accessionNumber, Optional.of(id), institution, from, to, limit);
    }

    public AuditQuery withInstitution(String id) {
        return new AuditQuery(transaction, patientId, accessionNumber, actor, Optional.of(id), from, to, limit);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(transaction, patientId, accessionNumber, actor, institution,
                Optional.of(fromInclusive), Optional.of(toExclusive), limit);
    }

    /** Whether {@code e} satisfies every criterion. Stores may use it or translate the query to their own. */
    public boolean matches(AuditEvent e) {
        return transaction.map(e.transaction()::equals).orElse(true)
                && patientId.map(e.patientId()::equals).orElse(true)
                && accessionNumber.map(e.accessionNumbers()::contains).orElse(true)
                && actor.map(e.actor()::equals).orElse(true)
                && institution.map(e.institution()::equals).orElse(true)
                && from.map(f -> !e.at().isBefore(f)).orElse(true)
                && to.map(t -> e.at().isBefore(t)).orElse(true);
    }
}
