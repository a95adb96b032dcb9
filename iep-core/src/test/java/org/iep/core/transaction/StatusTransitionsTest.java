package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.api.transaction.TransactionStatus.*;
import static org.iep.core.testsupport.World.CLIENT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

/** The whole status matrix, written out independently of {@link StatusTable}, and its use by the service. */
class StatusTransitionsTest {
    private static final Map<TransactionStatus, Set<TransactionStatus>> PACKAGE = new EnumMap<>(
            TransactionStatus.class);

    static {
        PACKAGE.put(NEW, EnumSet.of(STARTED, UPLOADING, ON_IEP, FAILED, CANCELLED));
        PACKAGE.put(STARTED, EnumSet.of(UPLOADING, ON_IEP, FAILED, CANCELLED));
        PACKAGE.put(UPLOADING, EnumSet.of(ON_IEP, FAILED, CANCELLED));
        PACKAGE.put(ON_IEP, EnumSet.of(DOWNLOAD_REQUEST, COMPLETE, DECLINED, CANCELLED, FAILED, PURGED));
        PACKAGE.put(DOWNLOAD_REQUEST, EnumSet.of(DOWNLOADING, FAILED, CANCELLED, PURGED));
        PACKAGE.put(DOWNLOADING, EnumSet.of(DELIVERED, FAILED, PURGED));
        PACKAGE.put(DELIVERED, EnumSet.of(PURGED));
        PACKAGE.put(COMPLETE, EnumSet.of(PURGED));
        PACKAGE.put(FAILED, EnumSet.of(NEW, STARTED, DOWNLOAD_REQUEST, CANCELLED, PURGED));
        PACKAGE.put(DECLINED, EnumSet.of(PURGED));
        PACKAGE.put(CANCELLED, EnumSet.of(PURGED));
        PACKAGE.put(ANSWERED, EnumSet.noneOf(TransactionStatus.class));
        PACKAGE.put(PURGED, EnumSet.noneOf(TransactionStatus.class));
    }

    @Test
    void everyPairOfStatusesMatchesTheDesignForPackagesAndRequests() {
        int allowed = 0;
        for (TransactionType type : TransactionType.values()) {
            for (TransactionStatus from : TransactionStatus.values()) {
                for (TransactionStatus to : TransactionStatus.values()) {
                    boolean expected = type == TransactionType.REQUEST
                            ? from == NEW && EnumSet.of(ANSWERED, DECLINED, CANCELLED).contains(to)
                            : PACKAGE.get(from).contains(to);
                    assertThat(StatusTable.allowed(type, from, to)).as("%s %s→%s", type, from, to)
                            .isEqualTo(expected);
                    allowed += expected ? 1 : 0;
                }
            }
        }
        assertThat(allowed).isEqualTo(3 * 34 + 3);
    }

    @Test
    void theServiceWalksEveryAllowedTransitionOfTheInstitutionPath() {
        World w = new World();
        Party system = new Party.System("delivery");
        Transaction t = w.transfer(Priority.NORMAL);
        for (TransactionStatus to : new TransactionStatus[] {STARTED, UPLOADING, ON_IEP, DOWNLOAD_REQUEST,
                DOWNLOADING, FAILED, DOWNLOAD_REQUEST, DOWNLOADING, DELIVERED, PURGED}) {
            Transaction before = w.store.find(t.id()).orElseThrow();
            Transaction after = w.transactions.advance(t.id(), to, to == FAILED ? "association rejected" : "",
                    system, CLIENT);
            assertThat(after.status()).isEqualTo(to);
            assertThat(after.version()).isEqualTo(before.version() + 1);
        }
    }

    @Test
    void refusedTransitionsChangeNothingAndAreNotAudited() {
        World w = new World();
        Party system = new Party.System("delivery");
        Transaction t = w.transfer(Priority.NORMAL);
        Transaction r = w.request();
        int records = w.audit.all().size();
        for (Object[] c : new Object[][] {{t, DELIVERED}, {t, DOWNLOADING}, {t, COMPLETE}, {t, PURGED}, {t, NEW},
                {r, ON_IEP}, {r, PURGED}, {r, FAILED}}) {
            Transaction x = (Transaction) c[0];
            assertThatThrownBy(() -> w.transactions.advance(x.id(), (TransactionStatus) c[1], "because", system,
                    CLIENT)).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
        }
        assertThat(w.store.find(t.id())).contains(t);
        assertThat(w.store.find(r.id())).contains(r);
        assertThat(w.audit.all()).hasSize(records);
    }
}
