package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class TransactionScanTest {
    private final World w = new World();

    @Test
    void visitsEveryMatchOnceAcrossPagesIncludingLongRunsAtOneInstant() {
        List<TransactionId> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(w.transfer(Priority.NORMAL).id()); // same instant: the clock stands still
        }
        for (int i = 0; i < 5; i++) {
            w.clock.advance(Duration.ofMinutes(1));
            created.add(w.transfer(Priority.NORMAL).id());
        }
        List<TransactionId> seen = new ArrayList<>();
        TransactionScan.forEach(w.store, TransactionQuery.all(3), t -> seen.add(t.id()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void theActionMayChangeWhatItVisits() {
        for (int i = 0; i < 8; i++) {
            w.clock.advance(Duration.ofSeconds(1));
            w.transfer(Priority.NORMAL);
        }
        List<Transaction> cancelled = new ArrayList<>();
        TransactionScan.forEach(w.store, TransactionQuery.all(2).withStatuses(Set.of(TransactionStatus.NEW)),
                t -> cancelled.add(w.transactions.cancel(w.steeStaff, t.id(), "tidy up", World.CLIENT)));
        assertThat(cancelled).hasSize(8);
        assertThat(w.store.query(TransactionQuery.all(100).withStatuses(Set.of(TransactionStatus.NEW)))).isEmpty();
    }
}
