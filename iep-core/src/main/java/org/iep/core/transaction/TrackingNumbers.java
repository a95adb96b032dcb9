package org.iep.core.transaction;

import java.util.Objects;
import org.iep.api.directory.Institution;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TrackingNumber;

/** Issues tracking numbers (institution code + 7 digits) from the store's never-reused sequence. Thread-safe. */
public final class TrackingNumbers {
    private final TransactionStore store;

    public TrackingNumbers(TransactionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public TrackingNumber next(Institution institution) {
        String code = institution.code().toUpperCase(java.util.Locale.ROOT);
        return TrackingNumber.of(code, store.nextTrackingSequence(code));
    }
}
