package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantId;
import org.iep.api.access.GrantState;
import org.iep.api.access.PasscodeState;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.AccessStore;
import org.iep.api.transaction.TransactionId;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AccessStore} contract: inserts at version 1, unique IDs and token hashes, the two listing orders,
 * and {@code update} as a compare-and-set that lets exactly one of many racing writers win.
 */
public abstract class AccessStoreContract {
    private static final TransactionId TX = new TransactionId("tx-1");

    protected AccessStore store;

    /** A new, empty store. */
    protected abstract AccessStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @Test
    void insertStoresVersionOneAndFindsByIdAndToken() {
        AccessGrant grant = grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW);

        AccessGrant stored = store.insert(grant);

        assertThat(stored).isEqualTo(atVersion(grant, 1));
        assertThat(store.find(grant.id())).contains(stored);
        assertThat(store.findByToken(grant.tokenHash())).contains(stored);
        assertThat(store.find(new GrantId("g-none"))).isEmpty();
        assertThat(store.findByToken(Secrets.randomHash())).isEmpty();
    }

    @Test
    void everyPasscodeFieldRoundTrips() {
        PasscodeState busy = new PasscodeState(Optional.of(Secrets.randomHash()), Fixtures.NOW.plusSeconds(30), 3, 7,
                Optional.of(Fixtures.NOW.plus(Duration.ofHours(1))),
                List.of(Fixtures.NOW, Fixtures.NOW.plusSeconds(10), Fixtures.NOW.plusSeconds(30)));
        AccessGrant grant = grant("g-1", TX, Fixtures.EMAIL_RECIPIENT, Fixtures.NOW).withPasscode(busy)
                .withState(GrantState.DECLINED);

        store.insert(grant);

        assertThat(store.find(grant.id())).contains(atVersion(grant, 1));
    }

    @Test
    void aDuplicateIdIsRejectedAndChangesNothing() {
        AccessGrant first = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW));
        AccessGrant sameId = grant("g-1", new TransactionId("tx-2"), Fixtures.EMAIL_RECIPIENT, Fixtures.NOW);

        assertConflict(() -> store.insert(sameId), CoreErrorCode.DUPLICATE);

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.findByToken(sameId.tokenHash())).isEmpty();
    }

    @Test
    void aDuplicateTokenHashIsRejectedAndChangesNothing() {
        AccessGrant first = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW));
        AccessGrant sameToken = new AccessGrant(new GrantId("g-2"), TX, first.tokenHash(), Fixtures.EMAIL_RECIPIENT,
                false, GrantState.ACTIVE, Fixtures.NOW, Fixtures.NOW, Fixtures.NOW, PasscodeState.NONE, 0);

        assertConflict(() -> store.insert(sameToken), CoreErrorCode.DUPLICATE);

        assertThat(store.find(sameToken.id())).isEmpty();
        assertThat(store.findByToken(first.tokenHash())).contains(first);
    }

    @Test
    void grantsOfATransactionAreOldestFirst() {
        AccessGrant late = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW.plusSeconds(60)));
        AccessGrant early = store.insert(grant("g-2", TX, Fixtures.EMAIL_RECIPIENT, Fixtures.NOW));
        store.insert(grant("g-3", new TransactionId("tx-2"), Fixtures.SMS_RECIPIENT, Fixtures.NOW));

        assertThat(store.forTransaction(TX)).containsExactly(early, late);
        assertThat(store.forTransaction(new TransactionId("tx-none"))).isEmpty();
    }

    @Test
    void grantsOfARecipientAreNewestFirstMatchingEmailCaseInsensitively() {
        AccessGrant old = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW));
        AccessGrant recent = store.insert(grant("g-2", new TransactionId("tx-2"), Fixtures.SMS_RECIPIENT,
                Fixtures.NOW.plus(Duration.ofDays(1))));
        store.insert(grant("g-3", TX, Fixtures.EMAIL_RECIPIENT, Fixtures.NOW.plus(Duration.ofDays(2))));

        String email = Fixtures.SMS_RECIPIENT.email().toUpperCase(Locale.ROOT);
        assertThat(store.forRecipient(email)).containsExactly(recent, old);
        assertThat(store.forRecipient("someone.else@example.org")).isEmpty();
    }

    @Test
    void updateFromTheStoredVersionIncrementsIt() {
        AccessGrant v1 = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW));
        AccessGrant changed = v1.withPasscode(codeIssued(Fixtures.NOW.plusSeconds(5)));

        AccessGrant v2 = store.update(changed);

        assertThat(v2).isEqualTo(atVersion(changed, 2));
        assertThat(store.find(v1.id())).contains(v2);
        assertThat(store.findByToken(v1.tokenHash())).contains(v2);
    }

    @Test
    void aStaleUpdateIsRejectedAndChangesNothing() {
        AccessGrant v1 = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW));
        AccessGrant v2 = store.update(v1.withState(GrantState.REVOKED));

        assertConflict(() -> store.update(v1.withPasscode(codeIssued(Fixtures.NOW))),
                CoreErrorCode.CONCURRENT_MODIFICATION);

        assertThat(store.find(v1.id())).contains(v2);
    }

    @Test
    void updateOfAMissingGrantFailsAndStoresNothing() {
        AccessGrant never = atVersion(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW), 1);

        assertThatThrownBy(() -> store.update(never)).isInstanceOf(IepException.class);

        assertThat(store.find(never.id())).isEmpty();
    }

    @Test
    void ofFiftyRacingUpdatesFromTheSameVersionExactlyOneWins() {
        AccessGrant v1 = store.insert(grant("g-1", TX, Fixtures.SMS_RECIPIENT, Fixtures.NOW));

        List<Optional<AccessGrant>> outcomes = Concurrently.run(50, i -> {
            AccessGrant mine = v1.withPasscode(new PasscodeState(Optional.empty(), Fixtures.NOW, 0, i,
                    Optional.empty(), List.of()));
            try {
                return Optional.of(store.update(mine));
            } catch (ConflictException e) {
                assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CONCURRENT_MODIFICATION);
                return Optional.empty();
            }
        });

        List<AccessGrant> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).version()).isEqualTo(2);
        assertThat(store.find(v1.id())).contains(winners.get(0));
    }

    /** A new grant (version 0, as callers build it) created at {@code created}, with a random token hash. */
    protected static AccessGrant grant(String id, TransactionId tx, IndividualRecipient to, Instant created) {
        return new AccessGrant(new GrantId(id), tx, Secrets.randomHash(), to, true, GrantState.ACTIVE, created,
                created.plus(Duration.ofDays(11)), created.plus(Duration.ofDays(14)), PasscodeState.NONE, 0);
    }

    private static PasscodeState codeIssued(Instant at) {
        return new PasscodeState(Optional.of(Secrets.randomHash()), at, 5, 0, Optional.empty(), List.of(at));
    }

    private static AccessGrant atVersion(AccessGrant g, long version) {
        return new AccessGrant(g.id(), g.transaction(), g.tokenHash(), g.recipient(), g.mayForward(), g.state(),
                g.created(), g.viewUntil(), g.expires(), g.passcode(), version);
    }

    private static void assertConflict(Runnable call, CoreErrorCode expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }
}
