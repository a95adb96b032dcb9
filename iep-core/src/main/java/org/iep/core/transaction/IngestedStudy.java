package org.iep.core.transaction;

/**
 * What the instance index holds for one study of a transaction after an ingest: its identity and descriptive
 * fields from the data sets, and the counts recomputed from the index (so a repeated update is harmless).
 */
public record IngestedStudy(String studyInstanceUid, String accessionNumber, String description, String modalities,
                            String studyDate, int instances, long bytes) {
}
