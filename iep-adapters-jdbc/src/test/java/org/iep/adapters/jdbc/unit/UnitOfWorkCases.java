package org.iep.adapters.jdbc.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.JdbcUnitOfWork;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.adapters.jdbc.content.JdbcInstanceIndex;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.ConflictException;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.content.IndexedInstance;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcUnitOfWork} over the stores an ingest writes: one commit for all, nothing on failure, a failed call
 * undoing only itself (PostgreSQL refuses every statement after a failed one unless it had its own savepoint),
 * nothing visible to other threads before the commit, nested units joining. Run on H2 and on PostgreSQL.
 */
abstract class UnitOfWorkCases {
    private JdbcInstanceIndex index;
    private JdbcTransactionStore transactions;
    private JdbcAuditLog audit;
    private JdbcUnitOfWork units;
    private Transaction t;

    protected abstract DataSource fresh();

    @BeforeEach
    void stores() {
        DataSource ds = fresh();
        index = new JdbcInstanceIndex(ds);
        transactions = new JdbcTransactionStore(ds);
        audit = new JdbcAuditLog(ds);
        units = new JdbcUnitOfWork(ds);
        t = transactions.commit(TransactionChanges.insert(Transactions.transfer(1).build())).get(0);
    }

    private IndexedInstance instance(int n) {
        return new IndexedInstance(t.id(), "2.25.1", "2.25.1.1", "2.25.1.1." + n, "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1", "P1", "Doe^Jane", "19700101", "A1", "CT",
                BlobKey.of("tx", t.id().value(), "instances", "b" + n), 1000 + n, "ab".repeat(32),
                Instant.parse("2026-11-23T10:00:00Z"));
    }

    private AuditEvent event(String detail) {
        return new AuditEvent(Instant.parse("2026-11-23T10:00:00Z"), "system:test", "", "instance.store",
                t.id().value(), "P1", List.of("A1"), Outcome.SUCCESS, "127.0.0.1", detail);
    }

    private long lastSequence() {
        List<AuditRecord> all = audit.range(0, 1000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    @Test
    void everythingDoneInTheUnitCommitsOnceAndIsInvisibleToOthersBefore() {
        Optional<IndexedInstance> seenByAnotherThread = units.inOne("test", () -> {
            index.insertIfAbsent(instance(1));
            transactions.commit(TransactionChanges.update(t.toBuilder().statusReason("counted").build()));
            audit.append(event("sop=1"));
            return CompletableFuture.supplyAsync(() -> index.find(t.id(), "2.25.1.1.1")).join();
        });

        assertThat(seenByAnotherThread).as("not committed yet").isEmpty();
        assertThat(index.find(t.id(), "2.25.1.1.1")).isPresent();
        assertThat(transactions.find(t.id()).orElseThrow().statusReason()).isEqualTo("counted");
        assertThat(audit.range(0, 1000)).extracting(r -> r.event().detail()).containsExactly("sop=1");
    }

    @Test
    void aFailureUndoesTheWholeUnitAndTheAuditChainGoesOn() {
        long before = lastSequence();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> units.inOne("test", () -> {
            index.insertIfAbsent(instance(2));
            transactions.commit(TransactionChanges.update(t.toBuilder().statusReason("counted").build()));
            audit.append(event("sop=2"));
            throw boom;
        })).isSameAs(boom);

        assertThat(index.find(t.id(), "2.25.1.1.2")).isEmpty();
        assertThat(transactions.find(t.id()).orElseThrow().statusReason()).isEqualTo(t.statusReason());
        assertThat(lastSequence()).isEqualTo(before);
        AuditRecord next = audit.append(event("after"));
        assertThat(next.sequence()).isEqualTo(before + 1);
    }

    @Test
    void aFailedCallUndoesOnlyItselfSoTheUnitGoesOn() {
        index.insertIfAbsent(instance(3));
        Transaction stale = t;
        transactions.commit(TransactionChanges.update(t.toBuilder().statusReason("moved on").build()));

        String reason = units.inOne("test", () -> {
            // already there: a unique violation the index survives
            assertThat(index.insertIfAbsent(instance(3)).blob()).isEqualTo(instance(3).blob());
            assertThatThrownBy(() -> transactions.commit(TransactionChanges.update(stale.toBuilder()
                    .statusReason("lost").build()))).isInstanceOf(ConflictException.class);
            Transaction fresh = transactions.find(t.id()).orElseThrow();
            transactions.commit(TransactionChanges.update(fresh.toBuilder().statusReason("retried").build()));
            index.insertIfAbsent(instance(4));
            audit.append(event("sop=4"));
            return transactions.find(t.id()).orElseThrow().statusReason();
        });

        assertThat(reason).isEqualTo("retried");
        assertThat(transactions.find(t.id()).orElseThrow().statusReason()).isEqualTo("retried");
        assertThat(index.byTransaction(t.id())).hasSize(2);
        assertThat(audit.range(0, 1000)).extracting(r -> r.event().detail()).containsExactly("sop=4");
    }

    @Test
    void aNestedUnitJoinsTheOuterOne() {
        assertThatThrownBy(() -> units.inOne("outer", () -> {
            units.inOne("inner", () -> index.insertIfAbsent(instance(5)));
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(index.find(t.id(), "2.25.1.1.5")).as("the inner unit did not commit on its own").isEmpty();
    }
}
