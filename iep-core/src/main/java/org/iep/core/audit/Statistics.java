package org.iep.core.audit;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.directory.StaffAccess;
import org.iep.core.transaction.StatusChanges;
import org.iep.core.transaction.TransactionScan;
import org.iep.core.validation.Problems;

/**
 * Statistics for an institution's ADMINISTRATOR and AUDITOR users: counts and volumes per originating institution,
 * type, priority and day, and turnaround percentiles.
 *
 * <p>Turnaround is measured from the transaction's creation to the first audit status-change record that moved it
 * to DELIVERED or COMPLETE. The audit trail is used rather than {@code Transaction.updated}, which later messages
 * and the purge overwrite. Percentiles use the nearest-rank method (the smallest sample with at least p% of the
 * samples at or below it), so they are always observed values. Thread-safe.
 */
public final class Statistics {
    private static final int PAGE = 500;
    private static final Set<TransactionStatus> DONE = EnumSet.of(TransactionStatus.DELIVERED,
            TransactionStatus.COMPLETE);

    private final TransactionStore transactions;
    private final AuditLog log;
    private final DirectoryStore directory;
    private final StaffAccess access;
    private final Auditor auditor;

    @Inject
    public Statistics(TransactionStore transactions, AuditLog log, DirectoryStore directory, StaffAccess access,
                      Auditor auditor) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.log = Objects.requireNonNull(log, "log");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.access = Objects.requireNonNull(access, "access");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    public StatisticsReport compute(UserId actor, Instant from, Instant to, ClientInfo client) {
        User user = access.requireRole(actor, Role.ADMINISTRATOR, Role.AUDITOR);
        Problems p = new Problems();
        p.check(from != null, "from", "is required");
        p.check(to != null, "to", "is required");
        p.check(from == null || to == null || from.isBefore(to), "to", "must be after from");
        p.throwIfAny();
        InstitutionId own = user.institution();
        ZoneId zone = directory.institution(own).map(Institution::zone).orElse(ZoneId.of("UTC"));
        Map<Key, long[]> volumes = new TreeMap<>();
        List<Duration> turnaround = new ArrayList<>();
        long[] count = {0};
        TransactionQuery q = TransactionQuery.all(PAGE).involving(own).createdBetween(from, to);
        TransactionScan.forEach(transactions, q, t -> {
            count[0]++;
            Key k = new Key(t.created().atZone(zone).toLocalDate(), t.origin().value(), t.type(), t.priority());
            long[] v = volumes.computeIfAbsent(k, x -> new long[2]);
            v[0]++;
            v[1] += t.bytes();
            finished(t).ifPresent(at -> turnaround.add(Duration.between(t.created(), at)));
        });
        List<VolumeRow> rows = volumes.entrySet().stream().map(e -> new VolumeRow(
                new InstitutionId(e.getKey().origin()), e.getKey().type(), e.getKey().priority(), e.getKey().day(),
                e.getValue()[0], e.getValue()[1])).toList();
        turnaround.sort(Comparator.naturalOrder());
        auditor.record(StaffAccess.party(user), "audit.statistics", Outcome.SUCCESS, client,
                "from=" + from + " to=" + to + " transactions=" + count[0]);
        return new StatisticsReport(from, to, rows, turnaround.size(), percentile(turnaround, 50),
                percentile(turnaround, 90));
    }

    private Optional<Instant> finished(Transaction t) {
        return log.query(AuditQuery.all(1000).withTransaction(t.id().value())).stream()
                .filter(r -> r.event().action().equals(StatusChanges.ACTION))
                .filter(r -> StatusChanges.target(r.event().detail()).map(DONE::contains).orElse(false))
                .map(AuditRecord::event).map(e -> e.at()).findFirst();
    }

    /** Nearest rank: the value at 1-based rank ceil(p/100 · n) of the sorted samples. */
    static Optional<Duration> percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(1, rank) - 1));
    }

    private record Key(LocalDate day, String origin, TransactionType type, Priority priority)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Comparator.comparing(Key::day).thenComparing(Key::origin).thenComparing(Key::type)
                    .thenComparing(Key::priority).compare(this, o);
        }
    }
}
