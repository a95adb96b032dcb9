package org.iep.core.transaction;

import static org.iep.api.transaction.TransactionStatus.ANSWERED;
import static org.iep.api.transaction.TransactionStatus.CANCELLED;
import static org.iep.api.transaction.TransactionStatus.COMPLETE;
import static org.iep.api.transaction.TransactionStatus.DECLINED;
import static org.iep.api.transaction.TransactionStatus.DELIVERED;
import static org.iep.api.transaction.TransactionStatus.DOWNLOADING;
import static org.iep.api.transaction.TransactionStatus.DOWNLOAD_REQUEST;
import static org.iep.api.transaction.TransactionStatus.FAILED;
import static org.iep.api.transaction.TransactionStatus.NEW;
import static org.iep.api.transaction.TransactionStatus.ON_IEP;
import static org.iep.api.transaction.TransactionStatus.PURGED;
import static org.iep.api.transaction.TransactionStatus.STARTED;
import static org.iep.api.transaction.TransactionStatus.UPLOADING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;

/**
 * The one table of allowed status transitions (DESIGN.md §5). Every status change in the core goes through
 * {@link #check}. Requests have their own, shorter table. Immutable; thread-safe.
 */
public final class StatusTable {
    private static final Map<TransactionStatus, Set<TransactionStatus>> PACKAGE = new EnumMap<>(TransactionStatus.class);
    private static final Map<TransactionStatus, Set<TransactionStatus>> REQUEST = new EnumMap<>(TransactionStatus.class);

    static {
        PACKAGE.put(NEW, EnumSet.of(STARTED, UPLOADING, ON_IEP, FAILED, CANCELLED));
        PACKAGE.put(STARTED, EnumSet.of(UPLOADING, ON_IEP, FAILED, CANCELLED));
        PACKAGE.put(UPLOADING, EnumSet.of(ON_IEP, FAILED, CANCELLED));
        PACKAGE.put(ON_IEP, EnumSet.of(DOWNLOAD_REQUEST, COMPLETE, DECLINED, CANCELLED, FAILED, PURGED));
        PACKAGE.put(DOWNLOAD_REQUEST, EnumSet.of(DOWNLOADING, FAILED, CANCELLED, PURGED));
        PACKAGE.put(DOWNLOADING, EnumSet.of(DELIVERED, FAILED, PURGED));
        PACKAGE.put(DELIVERED, EnumSet.of(PURGED));
        PACKAGE.put(COMPLETE, EnumSet.of(PURGED));
        // a failed transaction may be retried from the start or from the delivery step
        PACKAGE.put(FAILED, EnumSet.of(NEW, STARTED, DOWNLOAD_REQUEST, CANCELLED, PURGED));
        PACKAGE.put(DECLINED, EnumSet.of(PURGED));
        PACKAGE.put(CANCELLED, EnumSet.of(PURGED));
        PACKAGE.put(ANSWERED, EnumSet.noneOf(TransactionStatus.class));
        PACKAGE.put(PURGED, EnumSet.noneOf(TransactionStatus.class));

        for (TransactionStatus s : TransactionStatus.values()) {
            REQUEST.put(s, EnumSet.noneOf(TransactionStatus.class));
        }
        REQUEST.put(NEW, EnumSet.of(ANSWERED, DECLINED, CANCELLED));
    }

    private StatusTable() {
    }

    public static boolean allowed(TransactionType type, TransactionStatus from, TransactionStatus to) {
        Map<TransactionStatus, Set<TransactionStatus>> table = type == TransactionType.REQUEST ? REQUEST : PACKAGE;
        return table.get(from).contains(to);
    }

    /** Throws {@code ConflictException(ILLEGAL_TRANSITION)} unless {@code t} may move to {@code to}. */
    public static void check(Transaction t, TransactionStatus to) {
        if (!allowed(t.type(), t.status(), to)) {
            throw new ConflictException(CoreErrorCode.ILLEGAL_TRANSITION, "Transaction " + t.tracking() + " is "
                    + t.status() + " and cannot become " + to + ". Reload it to see its current state.");
        }
    }
}
