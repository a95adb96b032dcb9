package org.iep.core.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Volumes and turnaround over transactions created in {@code [from, to)} that involve the viewer's institution.
 *
 * @param rows        ordered by day, origin, type, priority
 * @param turnarounds how many transactions reached DELIVERED or COMPLETE
 * @param p50         median creation → DELIVERED/COMPLETE time (nearest rank); empty without samples
 * @param p90         90th percentile (nearest rank); empty without samples
 */
public record StatisticsReport(Instant from, Instant to, List<VolumeRow> rows, int turnarounds,
                               Optional<Duration> p50, Optional<Duration> p90) {
    public StatisticsReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        rows = List.copyOf(rows);
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
    }

    public long totalCount() {
        return rows.stream().mapToLong(VolumeRow::count).sum();
    }

    public long totalBytes() {
        return rows.stream().mapToLong(VolumeRow::bytes).sum();
    }
}
