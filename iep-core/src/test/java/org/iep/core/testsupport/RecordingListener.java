package org.iep.core.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.iep.api.transaction.Transaction;
import org.iep.core.transaction.TransactionListener;

/** Records listener calls as short strings such as {@code created:STEE0000001}. */
public final class RecordingListener implements TransactionListener {
    public final List<String> events = new ArrayList<>();

    @Override
    public void created(Transaction t) {
        events.add("created:" + t.tracking());
    }

    @Override
    public void statusChanged(Transaction before, Transaction after) {
        events.add("status:" + after.tracking() + ":" + before.status() + "->" + after.status());
    }

    @Override
    public void available(Transaction t) {
        events.add("available:" + t.tracking());
    }
}
