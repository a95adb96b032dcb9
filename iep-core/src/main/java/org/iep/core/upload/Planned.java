package org.iep.core.upload;

import java.util.List;

/**
 * What confirmation will do with one staged file, decided before anything is stored.
 *
 * @param kind {@link ContentKind#ZIP} for an archive to expand, else the file's own kind
 * @param entries for an archive, what to do with each file entry; empty otherwise
 */
record Planned(StagedFile file, ContentKind kind, List<PlannedEntry> entries) {

    /** One entry of an archive: its name in the archive, its kind, and the bytes it inflated to when checked. */
    record PlannedEntry(String name, ContentKind kind, long size) {
    }

    Planned {
        entries = List.copyOf(entries);
    }
}
