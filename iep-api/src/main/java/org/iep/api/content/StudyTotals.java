package org.iep.api.content;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** What the index holds of one study of a transaction: how many instances, their bytes, and their modalities. */
public record StudyTotals(int instances, long bytes, SortedSet<String> modalities) {
    public StudyTotals {
        Objects.requireNonNull(modalities, "modalities");
        modalities = new TreeSet<>(modalities);
    }

    @Override
    public SortedSet<String> modalities() {
        return new TreeSet<>(modalities);
    }
}
