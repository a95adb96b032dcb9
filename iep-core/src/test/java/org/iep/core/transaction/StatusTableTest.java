package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.api.transaction.TransactionStatus.*;

import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void institutionPathAndIndividualPathAreAllowed() {
        TransactionStatus[] path = {NEW, STARTED, UPLOADING, ON_IEP, DOWNLOAD_REQUEST, DOWNLOADING, DELIVERED, PURGED};
        for (int i = 1; i < path.length; i++) {
            assertThat(StatusTable.allowed(TransactionType.TRANSFER, path[i - 1], path[i])).as("%s→%s",
                    path[i - 1], path[i]).isTrue();
        }
        assertThat(StatusTable.allowed(TransactionType.TRANSFER, ON_IEP, COMPLETE)).isTrue();
        assertThat(StatusTable.allowed(TransactionType.FORWARD, ON_IEP, DECLINED)).isTrue();
    }

    @Test
    void purgedIsFinalAndNothingSkipsBackwards() {
        for (TransactionStatus to : TransactionStatus.values()) {
            assertThat(StatusTable.allowed(TransactionType.TRANSFER, PURGED, to)).isFalse();
        }
        assertThat(StatusTable.allowed(TransactionType.TRANSFER, DELIVERED, ON_IEP)).isFalse();
        assertThat(StatusTable.allowed(TransactionType.TRANSFER, NEW, DELIVERED)).isFalse();
        assertThat(StatusTable.allowed(TransactionType.TRANSFER, NEW, ANSWERED)).isFalse();
    }

    @Test
    void requestsOnlyGetAnsweredDeclinedOrCancelled() {
        assertThat(StatusTable.allowed(TransactionType.REQUEST, NEW, ANSWERED)).isTrue();
        assertThat(StatusTable.allowed(TransactionType.REQUEST, NEW, DECLINED)).isTrue();
        assertThat(StatusTable.allowed(TransactionType.REQUEST, NEW, CANCELLED)).isTrue();
        assertThat(StatusTable.allowed(TransactionType.REQUEST, NEW, ON_IEP)).isFalse();
        assertThat(StatusTable.allowed(TransactionType.REQUEST, ANSWERED, CANCELLED)).isFalse();
    }
}
