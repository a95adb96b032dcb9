package org.iep.testkit.memory;

import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;

/** The two conflicts the stores report, worded once. */
final class Conflicts {
    private Conflicts() {
    }

    static ConflictException duplicate(String what) {
        return new ConflictException(CoreErrorCode.DUPLICATE, what + " already exists.");
    }

    static ConflictException stale(String what) {
        return new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                what + " was changed by someone else; reload it and try again.");
    }
}
