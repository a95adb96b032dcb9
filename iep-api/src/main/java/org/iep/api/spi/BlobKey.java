package org.iep.api.spi;

import java.util.regex.Pattern;

/**
 * Where a blob lives in a {@link BlobStore}: segments of {@code [a-z0-9._-]} joined by {@code /}, no empty,
 * {@code .} or {@code ..} segment, at most 512 characters. Built from internal IDs only — never from DICOM UIDs
 * or file names supplied by outsiders.
 */
public record BlobKey(String value) {
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9._-]{1,128}");

    public BlobKey {
        if (!valid(value)) {
            throw new IllegalArgumentException("invalid blob key: segments of [a-z0-9._-] joined by '/'");
        }
    }

    public static BlobKey of(String... segments) {
        return new BlobKey(String.join("/", segments));
    }

    /** A key below this one. */
    public BlobKey child(String segment) {
        return new BlobKey(value + "/" + segment);
    }

    /** Whether this key equals {@code prefix} or lies below it. */
    public boolean isUnder(BlobKey prefix) {
        return value.equals(prefix.value) || value.startsWith(prefix.value + "/");
    }

    private static boolean valid(String v) {
        if (v == null || v.isEmpty() || v.length() > 512) {
            return false;
        }
        for (String s : v.split("/", -1)) {
            if (!SEGMENT.matcher(s).matches() || s.equals(".") || s.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
