package org.iep.core.transaction;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;

/**
 * Visits every transaction matching a query, newest first, page by page ({@code query.limit()} per page), so jobs
 * and reports are not capped by one query's limit. The port has no offset, so pages are keyed on {@code created};
 * the action may change what it visits (e.g. purge it) without disturbing the walk. Stateless; thread-safe.
 */
public final class TransactionScan {
    /** The open upper bound: SQL timestamps end at year 9999, where Instant.MAX cannot be stored or compared. */
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private TransactionScan() {
    }

    public static void forEach(TransactionStore store, TransactionQuery query, Consumer<Transaction> action) {
        Instant from = query.createdFrom().orElse(Instant.EPOCH);
        Instant upper = query.createdTo().orElse(END_OF_TIME);
        Set<TransactionId> seen = new HashSet<>();
        int pageSize = query.limit();
        while (true) {
            List<Transaction> page = store.query(withLimit(query, pageSize).createdBetween(from, upper));
            boolean progressed = false;
            for (Transaction t : page) {
                if (seen.add(t.id())) {
                    progressed = true;
                    action.accept(t);
                }
            }
            if (page.size() < pageSize) {
                return;
            }
            if (progressed) {
                // Inclusive of the last page's oldest instant, for its ties; `seen` skips those already visited.
                upper = page.get(page.size() - 1).created().plusNanos(1);
                pageSize = query.limit();
            } else {
                // More than a page created at one instant: ask for a bigger page to get past them.
                pageSize = Math.multiplyExact(pageSize, 2);
            }
        }
    }

    private static TransactionQuery withLimit(TransactionQuery q, int limit) {
        return new TransactionQuery(q.involving(), q.statuses(), q.types(), q.patientId(), q.studyInstanceUid(),
                q.accessionNumber(), q.createdFrom(), q.createdTo(), limit);
    }
}
