package org.iep.core.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.access.AccessFixture.CLIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionType;
import org.iep.core.access.AccessFixture;
import org.iep.core.access.IndividualPrincipal;
import org.junit.jupiter.api.Test;

class ConcurrentForwardingTest {
    private static final int RACERS = 20;
    private static final int ROUNDS = 100;

    @Test
    void twentyConcurrentForwardsLetExactlyThreeThroughEveryTime() throws Exception {
        AccessFixture f = new AccessFixture();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                IndividualRecipient pat = AccessFixture.individual("patient" + round + "@test.com", "+447700900123");
                Transaction source = f.transferTo(pat);
                IndividualPrincipal principal = new IndividualPrincipal(
                        f.grantStore.forTransaction(source.id()).get(0), source);
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Transaction>> results = new ArrayList<>();
                for (int i = 0; i < RACERS; i++) {
                    IndividualRecipient to = ForwardingTest.gp(i);
                    results.add(pool.submit(() -> {
                        gate.await();
                        return f.forwarding.forward(principal, ForwardingTest.to(to), CLIENT);
                    }));
                }
                gate.countDown();
                int succeeded = 0;
                for (Future<Transaction> r : results) {
                    try {
                        r.get(30, TimeUnit.SECONDS);
                        succeeded++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(ConflictException.class,
                                c -> assertThat(c.errorCode()).isEqualTo(CoreErrorCode.FORWARD_LIMIT_REACHED));
                    }
                }
                assertThat(succeeded).as("round %d", round).isEqualTo(3);
                assertThat(f.reload(source).forwardCount()).isEqualTo(3);
                assertThat(f.transactions.query(TransactionQuery.all(10_000)
                        .withTypes(Set.of(TransactionType.FORWARD))).stream()
                        .filter(t -> t.parent().orElseThrow().equals(source.id())))
                        .as("round %d", round).hasSize(3)
                        .allSatisfy(t -> assertThat(f.grantStore.forTransaction(t.id())).hasSize(1));
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
