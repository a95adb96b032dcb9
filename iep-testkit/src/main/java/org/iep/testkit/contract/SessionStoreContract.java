package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.SessionStore;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link SessionStore} contract: keyed by ID hash, last write wins, idempotent deletes, per-grant revocation. */
public abstract class SessionStoreContract {
    private static final GrantId GRANT = new GrantId("g-1");

    protected SessionStore store;

    /** A new, empty store. */
    protected abstract SessionStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @Test
    void sessionsRoundTripByIdHash() {
        AccessSession s = session(GRANT);
        store.put(s);

        assertThat(store.find(s.idHash())).contains(s);
        assertThat(store.find(Secrets.randomHash())).isEmpty();
    }

    @Test
    void theLastWriteWins() {
        AccessSession s = session(GRANT);
        store.put(s);
        AccessSession touched = s.touched(Fixtures.NOW.plusSeconds(300));

        store.put(touched);

        assertThat(store.find(s.idHash())).contains(touched);
    }

    @Test
    void deleteRemovesOneSessionAndIsIdempotent() {
        AccessSession gone = session(GRANT);
        AccessSession kept = session(GRANT);
        store.put(gone);
        store.put(kept);

        store.delete(gone.idHash());
        store.delete(gone.idHash());
        store.delete(Secrets.randomHash());

        assertThat(store.find(gone.idHash())).isEmpty();
        assertThat(store.find(kept.idHash())).contains(kept);
    }

    @Test
    void deleteForGrantEndsEverySessionOfThatGrantOnly() {
        AccessSession a = session(GRANT);
        AccessSession b = session(GRANT);
        AccessSession other = session(new GrantId("g-2"));
        store.put(a);
        store.put(b);
        store.put(other);

        assertThat(store.deleteForGrant(GRANT)).isEqualTo(2);
        assertThat(store.deleteForGrant(GRANT)).isZero();

        assertThat(store.find(a.idHash())).isEmpty();
        assertThat(store.find(b.idHash())).isEmpty();
        assertThat(store.find(other.idHash())).contains(other);
    }

    @Test
    void concurrentPutsOfDistinctSessionsAreAllKept() {
        List<List<AccessSession>> written = Concurrently.run(8, t -> IntStream.range(0, 100).mapToObj(i -> {
            AccessSession s = session(new GrantId("g-" + t));
            store.put(s);
            return s;
        }).toList());

        written.stream().flatMap(List::stream).forEach(s -> assertThat(store.find(s.idHash())).contains(s));
        assertThat(store.deleteForGrant(new GrantId("g-3"))).isEqualTo(100);
    }

    @Test
    void concurrentRevocationsCountEachSessionOnceWhileOthersAreWritten() {
        for (int i = 0; i < 20_000; i++) {
            store.put(session(GRANT));
        }

        List<Integer> removed = Concurrently.run(8, t -> {
            if (t % 2 == 0) {
                return store.deleteForGrant(GRANT);
            }
            IntStream.range(0, 1_000).forEach(i -> store.put(session(new GrantId("g-other-" + t))));
            return 0;
        });

        assertThat(removed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20_000);
        assertThat(store.deleteForGrant(GRANT)).isZero();
        assertThat(store.deleteForGrant(new GrantId("g-other-1"))).isEqualTo(1_000);
    }

    private static AccessSession session(GrantId grant) {
        SecretHash id = Secrets.randomHash();
        return new AccessSession(id, grant, Fixtures.NOW, Fixtures.NOW.plusSeconds(1));
    }
}
