package org.iep.core.audit;

import java.util.Objects;

/** The result of verifying the audit hash chain. */
public sealed interface ChainCheck permits ChainCheck.Valid, ChainCheck.Broken {
    /** Every record from sequence 1 verified; {@code count} records in all. */
    record Valid(long count) implements ChainCheck {
    }

    /** The first record that does not verify, and why. Records before it verified. */
    record Broken(long sequence, String reason) implements ChainCheck {
        public Broken {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
