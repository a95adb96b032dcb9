package org.iep.core.upload;

/**
 * What one upload may contain. Defaults suit a CD's worth of studies sent by a patient or a hospital.
 *
 * @param maxFileBytes largest single file (a DICOM instance, a zip archive or an attachment as sent)
 * @param maxAttachmentBytes largest attachment (report, letter, photo)
 * @param maxEntries most entries in one zip archive
 * @param maxInflatedBytes most bytes all entries of one archive may inflate to, counted as they inflate
 * @param maxRatio most an entry may inflate relative to its compressed size (DICOM compresses ~3-10x; bombs 1000x+)
 * @param maxFiles most files in one session
 */
public record UploadLimits(long maxFileBytes, long maxAttachmentBytes, int maxEntries, long maxInflatedBytes,
                           int maxRatio, int maxFiles) {

    public static final UploadLimits DEFAULTS = new UploadLimits(8L << 30, 50L << 20, 20_000, 32L << 30, 200,
            20_000);

    public UploadLimits {
        if (maxFileBytes <= 0 || maxAttachmentBytes <= 0 || maxEntries <= 0 || maxInflatedBytes <= 0 || maxRatio <= 1
                || maxFiles <= 0) {
            throw new IllegalArgumentException("upload limits must be positive (ratio above 1)");
        }
    }
}
