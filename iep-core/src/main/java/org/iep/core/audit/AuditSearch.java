package org.iep.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What an administrator or auditor looks for in the trail; empty criteria match everything. Results are limited to
 * the searcher's own institution whatever the criteria.
 *
 * @param user  a user ID (records whose actor is {@code user:<id>})
 * @param from  inclusive; @param to exclusive
 * @param limit 1–1000
 */
public record AuditSearch(
        Optional<String> patientId,
        Optional<String> transaction,
        Optional<String> accessionNumber,
        Optional<String> user,
        Optional<Instant> from,
        Optional<Instant> to,
        int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditSearch {
        patientId = patientId == null ? Optional.empty() : patientId;
        transaction = transaction == null ? Optional.empty() : transaction;
        accessionNumber = accessionNumber == null ? Optional.empty() : accessionNumber;
        user = user == null ? Optional.empty() : user;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
    }

    public static AuditSearch all(int limit) {
        return new AuditSearch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), limit);
    }

    public AuditSearch patient(String id) {
        return new AuditSearch(Optional.of(id), transaction, accessionNumber, user, from, to, limit);
    }

    public AuditSearch transaction(String id) {
        return new AuditSearch(patientId, Optional.of(id), accessionNumber, user, from, to, limit);
    }

    public AuditSearch accession(String number) {
        return new AuditSearch(patientId, transaction, Optional.of(number), user, from, to, limit);
    }

    public AuditSearch user(String id) {
        return new AuditSearch(patientId, transaction, accessionNumber, Optional.of(id), from, to, limit);
    }

    public AuditSearch between(Instant fromInclusive, Instant toExclusive) {
        return new AuditSearch(patientId, transaction, accessionNumber, user, Optional.of(fromInclusive),
                Optional.of(toExclusive), limit);
    }
}
