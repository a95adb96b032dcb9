package org.iep.testkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.report.RejectedMessage;
import org.iep.api.report.ReportId;
import org.iep.api.report.StoredReport;
import org.iep.api.spi.ReportStore;

/** {@link ReportStore} in memory. Thread-safe. */
public final class InMemoryReportStore implements ReportStore {
    private static final Comparator<StoredReport> ORDER = Comparator.comparing(StoredReport::received)
            .thenComparing(r -> r.id().value());

    private final Map<String, StoredReport> byKey = new ConcurrentHashMap<>();
    private final List<RejectedMessage> rejected = new ArrayList<>();

    @Override
    public StoredReport insertIfAbsent(StoredReport report) {
        StoredReport existing = byKey.putIfAbsent(report.messageKey(), report);
        return existing == null ? report : existing;
    }

    @Override
    public Optional<StoredReport> findByMessageKey(String messageKey) {
        return Optional.ofNullable(byKey.get(messageKey));
    }

    @Override
    public Optional<StoredReport> find(ReportId id) {
        return byKey.values().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<StoredReport> byOrder(String accessionNumber, String patientId) {
        return byKey.values().stream()
                .filter(r -> r.accessionNumber().equals(accessionNumber) && r.patientId().equals(patientId))
                .sorted(ORDER).toList();
    }

    @Override
    public List<StoredReport> expired(Instant instant, int limit) {
        return byKey.values().stream().filter(r -> !r.keepUntil().isAfter(instant)).sorted(ORDER).limit(limit)
                .toList();
    }

    @Override
    public boolean delete(ReportId id) {
        return byKey.values().removeIf(r -> r.id().equals(id));
    }

    @Override
    public synchronized void reject(RejectedMessage message) {
        rejected.add(message);
    }

    @Override
    public synchronized List<RejectedMessage> rejected(int limit) {
        return rejected.stream().sorted(Comparator.comparing(RejectedMessage::received)
                .thenComparing(RejectedMessage::id)).limit(limit).toList();
    }

    @Override
    public synchronized long purgeRejected(Instant instant) {
        int before = rejected.size();
        rejected.removeIf(m -> !m.received().isAfter(instant));
        return before - rejected.size();
    }
}
