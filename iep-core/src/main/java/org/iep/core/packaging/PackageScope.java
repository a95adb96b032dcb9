package org.iep.core.packaging;

import java.util.Objects;
import java.util.Optional;
import org.iep.api.content.IndexedInstance;
import org.iep.api.transaction.Attachment;

/** What a package holds: the whole transaction, one study, or one series of a study. */
public record PackageScope(Optional<String> studyInstanceUid, Optional<String> seriesInstanceUid) {

    public PackageScope {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        if (seriesInstanceUid.isPresent() && studyInstanceUid.isEmpty()) {
            throw new IllegalArgumentException("a series scope needs its study");
        }
    }

    public static PackageScope whole() {
        return new PackageScope(Optional.empty(), Optional.empty());
    }

    public static PackageScope study(String studyInstanceUid) {
        return new PackageScope(Optional.of(studyInstanceUid), Optional.empty());
    }

    public static PackageScope series(String studyInstanceUid, String seriesInstanceUid) {
        return new PackageScope(Optional.of(studyInstanceUid), Optional.of(seriesInstanceUid));
    }

    boolean includes(IndexedInstance i) {
        return studyInstanceUid.map(i.studyInstanceUid()::equals).orElse(true)
                && seriesInstanceUid.map(i.seriesInstanceUid()::equals).orElse(true);
    }

    /** Reports of the transaction (empty study UID) go into every package; a study's only into its own. */
    boolean includes(Attachment a) {
        return a.studyInstanceUid().isEmpty() || studyInstanceUid.map(a.studyInstanceUid()::equals).orElse(true);
    }
}
