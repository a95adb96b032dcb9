package org.iep.api.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.InstitutionId;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;

/**
 * A search over transactions; empty criteria match everything. Results are newest first (created descending,
 * then ID), at most {@code limit}.
 *
 * @param involving   transactions sent by, originated by, or addressed to this institution
 * @param statuses    any of these statuses (empty: any)
 * @param createdFrom inclusive; @param createdTo exclusive
 */
public record TransactionQuery(
        Optional<InstitutionId> involving,
        Set<TransactionStatus> statuses,
        Set<TransactionType> types,
        Optional<String> patientId,
        Optional<String> studyInstanceUid,
        Optional<String> accessionNumber,
        Optional<Instant> createdFrom,
        Optional<Instant> createdTo,
        int limit) {

    public TransactionQuery {
        Objects.requireNonNull(involving, "involving");
        statuses = Set.copyOf(statuses);
        types = Set.copyOf(types);
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static TransactionQuery all(int limit) {
        return new TransactionQuery(Optional.empty(), Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public TransactionQuery involving(InstitutionId id) {
        return new TransactionQuery(Optional.of(id), statuses, types, patientId, studyInstanceUid, accessionNumber,
                createdFrom, createdTo, limit);
    }

    public TransactionQuery withStatuses(Set<TransactionStatus> s) {
        return new TransactionQuery(involving, s, types, patientId, studyInstanceUid, accessionNumber, createdFrom,
                createdTo, limit);
    }

    public TransactionQuery withTypes(Set<TransactionType> t) {
        return new TransactionQuery(involving, statuses, t, patientId, studyInstanceUid, accessionNumber,
                createdFrom, createdTo, limit);
    }

    public TransactionQuery withPatient(String id) {
        return new TransactionQuery(involving, statuses, types, Optional.of(id), studyInstanceUid, accessionNumber,
                createdFrom, createdTo, limit);
    }

    public TransactionQuery withStudy(String uid) {
        return new TransactionQuery(involving, statuses, types, patientId, Optional.of(uid), accessionNumber,
                createdFrom, createdTo, limit);
    }

    public TransactionQuery withAccession(String number) {
        return new TransactionQuery(involving, statuses, types, patientId, studyInstanceUid, Optional.of(number),
                createdFrom, createdTo, limit);
    }

    public TransactionQuery createdBetween(Instant fromInclusive, Instant toExclusive) {
        return new TransactionQuery(involving, statuses, types, patientId, studyInstanceUid, accessionNumber,
                Optional.of(fromInclusive), Optional.of(toExclusive), limit);
    }

    /** Whether {@code t} satisfies every criterion. Stores may use it or translate the query to their own. */
    public boolean matches(Transaction t) {
        return involving.map(i -> involves(t, i)).orElse(true)
                && (statuses.isEmpty() || statuses.contains(t.status()))
                && (types.isEmpty() || types.contains(t.type()))
                && patientId.map(p -> p.equals(t.patient().identifier().id())).orElse(true)
                && studyInstanceUid.map(u -> t.studies().stream().anyMatch(s -> s.studyInstanceUid().equals(u)))
                        .orElse(true)
                && accessionNumber.map(a -> t.studies().stream().anyMatch(s -> s.accessionNumber().equals(a)))
                        .orElse(true)
                && createdFrom.map(f -> !t.created().isBefore(f)).orElse(true)
                && createdTo.map(to -> t.created().isBefore(to)).orElse(true);
    }

    private static boolean involves(Transaction t, InstitutionId id) {
        boolean sent = t.sender() instanceof Party.Staff s && s.institution().equals(id);
        boolean received = t.recipient() instanceof InstitutionRecipient r && r.institution().equals(id);
        return sent || received || t.origin().equals(id);
    }
}
