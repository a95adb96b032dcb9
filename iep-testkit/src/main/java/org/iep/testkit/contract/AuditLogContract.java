package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.AuditLog;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AuditLog} contract: gap-free sequences from 1, a hash chain that {@link AuditChain} recomputes, also
 * after many concurrent appends, ranges for verification and queries in sequence order.
 */
public abstract class AuditLogContract {
    protected AuditLog log;

    /** A new, empty log. */
    protected abstract AuditLog newLog();

    /** What the log can do beyond the port's contract; none by default. */
    protected Set<Capability> capabilities() {
        return Set.of();
    }

    /** With {@link Capability#DURABLE}: a second log on the same storage as {@link #log}. */
    protected AuditLog reopen() {
        throw new UnsupportedOperationException("declare Capability.DURABLE and override reopen()");
    }

    @BeforeEach
    final void createLog() {
        log = newLog();
    }

    @Test
    void theFirstRecordChainsFromGenesis() {
        AuditEvent e = event("transaction.create", "user:u-1", "tx-1", "P1", List.of("ACC1", "ACC2"), Fixtures.NOW);

        AuditRecord r = log.append(e);

        assertThat(r.sequence()).isEqualTo(1);
        assertThat(r.event()).isEqualTo(e);
        assertThat(r.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(r.hash()).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, e));
    }

    @Test
    void eachRecordChainsFromItsPredecessor() {
        AuditRecord first = log.append(event("a.one", "user:u-1", "", "", List.of(), Fixtures.NOW));
        AuditEvent e = event("a.two", "system:purge", "tx-1", "", List.of(), Fixtures.NOW.plusSeconds(1));

        AuditRecord second = log.append(e);

        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(AuditChain.hash(first.hash(), 2, e));
    }

    @Test
    void rangeReturnsRecordsFromASequenceInOrder() {
        List<AuditRecord> appended = appendNumbered(10);

        assertThat(log.range(1, 100)).containsExactlyElementsOf(appended);
        assertThat(log.range(4, 3)).containsExactlyElementsOf(appended.subList(3, 6));
        assertThat(log.range(10, 5)).containsExactly(appended.get(9));
        assertThat(log.range(11, 5)).isEmpty();
    }

    @Test
    void queriesFilterByTransactionPatientAccessionActorAndInstitution() {
        log.append(event("x.a", "user:u-1", "tx-1", "P1", List.of("ACC1"), Fixtures.NOW));
        log.append(event("x.b", "user:u-2", "tx-2", "P2", List.of("ACC2", "ACC3"), Fixtures.NOW));
        log.append(event("x.c", "grant:g-1", "tx-1", "P1", List.of("ACC3"), Fixtures.NOW));
        log.append(new AuditEvent(Fixtures.NOW, "user:u-9", "inst-ntee", "x.d", "", "", List.of(), Outcome.DENIED,
                "198.51.100.7", "elsewhere"));

        assertThat(actions(log.query(AuditQuery.all(10).withTransaction("tx-1")))).containsExactly("x.a", "x.c");
        assertThat(actions(log.query(AuditQuery.all(10).withPatient("P2")))).containsExactly("x.b");
        assertThat(actions(log.query(AuditQuery.all(10).withAccession("ACC3")))).containsExactly("x.b", "x.c");
        assertThat(actions(log.query(AuditQuery.all(10).withActor("grant:g-1")))).containsExactly("x.c");
        assertThat(actions(log.query(AuditQuery.all(10).withInstitution("inst-ntee")))).containsExactly("x.d");
        assertThat(actions(log.query(AuditQuery.all(10).withTransaction("tx-1").withActor("user:u-1"))))
                .containsExactly("x.a");
        assertThat(log.query(AuditQuery.all(10).withPatient("P"))).isEmpty();
        assertThat(log.query(AuditQuery.all(10).withAccession("ACC"))).isEmpty();
    }

    @Test
    void dateRangeIsInclusiveFromAndExclusiveTo() {
        Instant from = Fixtures.NOW;
        Instant to = Fixtures.NOW.plus(Duration.ofDays(1));
        log.append(event("before", "user:u-1", "", "", List.of(), from.minusSeconds(1)));
        log.append(event("at-from", "user:u-1", "", "", List.of(), from));
        log.append(event("inside", "user:u-1", "", "", List.of(), to.minusSeconds(1)));
        log.append(event("at-to", "user:u-1", "", "", List.of(), to));

        assertThat(actions(log.query(AuditQuery.all(10).between(from, to)))).containsExactly("at-from", "inside");
    }

    @Test
    void queriesReturnTheFirstMatchesInSequenceOrderUpToTheLimit() {
        List<AuditRecord> appended = appendNumbered(10);

        assertThat(log.query(AuditQuery.all(3))).containsExactlyElementsOf(appended.subList(0, 3));
        assertThat(log.query(AuditQuery.all(100))).containsExactlyElementsOf(appended);
    }

    @Test
    void concurrentAppendsKeepTheChainValidWithoutGaps() {
        List<List<AuditRecord>> returned = Concurrently.run(8, t -> IntStream.range(0, 100)
                .mapToObj(i -> log.append(new AuditEvent(Fixtures.NOW.plusSeconds(i), "user:u-" + t, "inst-stee",
                        "race", "tx-" + t, "", List.of(), Outcome.SUCCESS, "", t + "/" + i)))
                .toList());

        List<AuditRecord> all = log.range(1, 10_000);
        assertThat(all).hasSize(800);
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < all.size(); i++) {
            AuditRecord r = all.get(i);
            assertThat(r.sequence()).isEqualTo(i + 1L);
            assertThat(r.previousHash()).isEqualTo(previous);
            assertThat(r.hash()).isEqualTo(AuditChain.hash(previous, r.sequence(), r.event()));
            previous = r.hash();
        }
        Set<String> details = new HashSet<>();
        all.forEach(r -> details.add(r.event().detail()));
        assertThat(details).hasSize(800);
        assertThat(returned.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void theChainContinuesAfterReopening() {
        assumeTrue(capabilities().contains(Capability.DURABLE), "log is not durable");
        List<AuditRecord> before = appendNumbered(3);

        AuditLog reopened = reopen();
        AuditEvent e = event("after.restart", "system:start", "", "", List.of(), Fixtures.NOW.plusSeconds(60));
        AuditRecord next = reopened.append(e);

        assertThat(reopened.range(1, 10)).startsWith(before.toArray(AuditRecord[]::new));
        assertThat(next.sequence()).isEqualTo(4);
        assertThat(next.previousHash()).isEqualTo(before.get(2).hash());
        assertThat(next.hash()).isEqualTo(AuditChain.hash(before.get(2).hash(), 4, e));
    }

    private List<AuditRecord> appendNumbered(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> log.append(event("n." + i, "user:u-1", "", "", List.of(), Fixtures.NOW.plusSeconds(i))))
                .toList();
    }

    private static List<String> actions(List<AuditRecord> records) {
        return records.stream().map(r -> r.event().action()).toList();
    }

    private static AuditEvent event(String action, String actor, String tx, String patient, List<String> accessions,
                                    Instant at) {
        return new AuditEvent(at, actor, actor.startsWith("user:") ? "inst-stee" : "", action, tx, patient,
                accessions, Outcome.SUCCESS, "192.0.2.1", "");
    }
}
