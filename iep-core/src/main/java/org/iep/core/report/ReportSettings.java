package org.iep.core.report;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for received reports.
 *
 * @param maxBytes  the largest report accepted (a typical radiology PDF is well under 1 MiB)
 * @param keep      how long a report is kept so that studies arriving later get it; after that it is purged
 *                  (transactions keep their own copies until their own retention ends)
 */
public record ReportSettings(long maxBytes, Duration keep) {
    public static final ReportSettings DEFAULT = new ReportSettings(20L * 1024 * 1024, Duration.ofDays(15));

    public ReportSettings {
        Objects.requireNonNull(keep, "keep");
        if (maxBytes < 1 || keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("maxBytes and keep must be positive");
        }
    }
}
