package org.iep.core.audit;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.iep.api.AccessDeniedException;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.TransactionId;
import org.iep.core.directory.StaffAccess;
import org.iep.core.validation.Problems;

/**
 * The searchable audit trail for ADMINISTRATOR and AUDITOR users, limited to their own institution: records made by
 * its staff, and records about transactions it sent or received (so individuals' views and downloads of its
 * packages, and system actions on them, are included). Every search is itself audited, refused ones too.
 * Thread-safe.
 */
public final class AuditTrail {
    // The store filters by the criteria; the institution rule needs transaction lookups, so we over-fetch.
    private static final int SCAN = 10_000;

    private final AuditLog log;
    private final TransactionStore transactions;
    private final StaffAccess access;
    private final Auditor auditor;

    @Inject
    public AuditTrail(AuditLog log, TransactionStore transactions, StaffAccess access, Auditor auditor) {
        this.log = Objects.requireNonNull(log, "log");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.access = Objects.requireNonNull(access, "access");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    public List<AuditRecord> search(UserId actor, AuditSearch search, ClientInfo client) {
        Objects.requireNonNull(search, "search");
        User user = access.requireActive(actor);
        try {
            access.requireRole(user, Role.ADMINISTRATOR, Role.AUDITOR);
        } catch (AccessDeniedException e) {
            auditor.record(StaffAccess.party(user), "audit.search", Outcome.DENIED, client, describe(search));
            throw e;
        }
        Problems p = new Problems();
        p.check(search.limit() >= 1 && search.limit() <= AuditSearch.MAX_LIMIT, "limit",
                "must be between 1 and " + AuditSearch.MAX_LIMIT);
        p.check(search.from().isEmpty() || search.to().isEmpty() || search.from().get().isBefore(search.to()
                .get()), "to", "must be after from");
        p.throwIfAny();

        InstitutionId own = user.institution();
        Map<String, Boolean> involved = new HashMap<>();
        List<AuditRecord> found = log.query(query(search)).stream()
                .filter(r -> r.event().institution().equals(own.value())
                        || involves(r.event().transaction(), own, involved))
                .limit(search.limit()).toList();
        // Recorded after the query, so a search never finds itself.
        auditor.record(StaffAccess.party(user), "audit.search", Outcome.SUCCESS, client,
                describe(search) + " results=" + found.size());
        return found;
    }

    private static AuditQuery query(AuditSearch s) {
        AuditQuery q = AuditQuery.all(SCAN);
        if (s.patientId().isPresent()) {
            q = q.withPatient(s.patientId().get());
        }
        if (s.transaction().isPresent()) {
            q = q.withTransaction(s.transaction().get());
        }
        if (s.accessionNumber().isPresent()) {
            q = q.withAccession(s.accessionNumber().get());
        }
        if (s.user().isPresent()) {
            q = q.withActor(new Party.Staff(new InstitutionId("-"), new UserId(s.user().get())).auditId());
        }
        if (s.from().isPresent() || s.to().isPresent()) {
            q = q.between(s.from().orElse(java.time.Instant.EPOCH), s.to().orElse(java.time.Instant.MAX));
        }
        return q;
    }

    private boolean involves(String transactionId, InstitutionId own, Map<String, Boolean> cache) {
        if (transactionId.isEmpty()) {
            return false;
        }
        return cache.computeIfAbsent(transactionId, id -> transactions.find(new TransactionId(id))
                .map(t -> t.origin().equals(own)
                        || (t.sender() instanceof Party.Staff s && s.institution().equals(own))
                        || (t.recipient() instanceof InstitutionRecipient r && r.institution().equals(own)))
                .orElse(false));
    }

    // Criteria names only for the patient: the patient ID is kept in the trail's own field, not the detail.
    private static String describe(AuditSearch s) {
        StringJoiner j = new StringJoiner(" ");
        s.patientId().ifPresent(v -> j.add("patient=yes"));
        s.transaction().ifPresent(v -> j.add("transaction=" + v));
        s.accessionNumber().ifPresent(v -> j.add("accession=" + v));
        s.user().ifPresent(v -> j.add("user=" + v));
        s.from().ifPresent(v -> j.add("from=" + v));
        s.to().ifPresent(v -> j.add("to=" + v));
        return j.length() == 0 ? "all" : j.toString();
    }
}
