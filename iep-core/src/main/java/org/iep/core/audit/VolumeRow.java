package org.iep.core.audit;

import java.time.LocalDate;
import java.util.Objects;
import org.iep.api.directory.InstitutionId;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.TransactionType;

/**
 * Transactions created on one day (in the viewer's time zone) by one originating institution, of one type and
 * priority, and the bytes received for them.
 */
public record VolumeRow(InstitutionId origin, TransactionType type, Priority priority, LocalDate day, long count,
                        long bytes) {
    public VolumeRow {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(day, "day");
    }
}
