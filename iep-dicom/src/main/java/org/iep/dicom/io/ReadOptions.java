package org.iep.dicom.io;

/**
 * How strictly a {@link DicomReader} treats structure. Immutable.
 *
 * @param maxDepth maximum sequence nesting depth (deeper input is a parse error)
 * @param clampOverrunningContainers if true, a sequence or item whose declared length runs past the
 *     end of the data ends at the end of the data instead of being an error, as dcmtk reads such
 *     files; a warning is logged for each. Off by default: a truncated file looks the same, and a
 *     strict reader never returns partial data silently.
 * @param maxInflatedBytes for deflated syntaxes, the most bytes the data set may inflate to: a small
 *     file must not expand into gigabytes ("deflate bomb")
 */
public record ReadOptions(int maxDepth, boolean clampOverrunningContainers, long maxInflatedBytes) {

    /** Default limit for inflated data sets: 1 GiB. */
    public static final long DEFAULT_MAX_INFLATED_BYTES = 1L << 30;

    /** The default: depth 64, overrunning lengths are errors. */
    public static final ReadOptions STRICT = new ReadOptions(DicomReader.DEFAULT_MAX_DEPTH, false, DEFAULT_MAX_INFLATED_BYTES);

    /** Like dcmtk: overrunning sequence/item lengths end at the end of the data (logged). */
    public static final ReadOptions LENIENT = new ReadOptions(DicomReader.DEFAULT_MAX_DEPTH, true, DEFAULT_MAX_INFLATED_BYTES);

    public ReadOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
        }
        if (maxInflatedBytes < 1) {
            throw new IllegalArgumentException("maxInflatedBytes must be positive: " + maxInflatedBytes);
        }
    }
}
