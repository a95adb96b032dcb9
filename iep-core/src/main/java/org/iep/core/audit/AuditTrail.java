package org.iep.core.audit;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
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
    private static final int PAGE = 500;
    // An end bound every store can represent (SQL timestamps stop at year 9999; Instant.MAX does not fit).
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

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

        List<AuditRecord> found = visible(search, user.institution());
        // Recorded after the query, so a search never finds itself.
        auditor.record(StaffAccess.party(user), "audit.search", Outcome.SUCCESS, client,
                describe(search) + " results=" + found.size());
        return found;
    }

    // Pages through the matches in sequence (and so time) order until `limit` visible ones are found. The port has
    // no offset: each page restarts at the last page's newest instant and skips sequences already seen; a run of
    // records at one instant longer than a page is passed by asking for a bigger page.
    private List<AuditRecord> visible(AuditSearch search, InstitutionId own) {
        List<AuditRecord> found = new ArrayList<>();
        Map<String, Boolean> involved = new HashMap<>();
        Instant from = search.from().orElse(Instant.EPOCH);
        Instant to = search.to().orElse(END_OF_TIME);
        long last = 0;
        int pageSize = PAGE;
        while (found.size() < search.limit()) {
            List<AuditRecord> page = log.query(criteria(search, pageSize).between(from, to));
            boolean progressed = false;
            for (AuditRecord r : page) {
                if (r.sequence() <= last) {
                    continue;
                }
                progressed = true;
                last = r.sequence();
                if ((r.event().institution().equals(own.value()) || involves(r.event().transaction(), own, involved))
                        && found.size() < search.limit()) {
                    found.add(r);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            if (progressed) {
                from = page.get(page.size() - 1).event().at();
                pageSize = PAGE;
            } else {
                pageSize = Math.multiplyExact(pageSize, 2);
            }
        }
        return found;
    }

    private static AuditQuery criteria(AuditSearch s, int pageSize) {
        AuditQuery q = AuditQuery.all(pageSize);
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
