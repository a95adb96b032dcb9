package org.iep.api.spi;

/**
 * A range of a blob: {@code length} bytes from {@code offset}, or to the end when {@code length} is
 * {@link #TO_END}.
 */
public record ByteRange(long offset, long length) {
    public static final long TO_END = -1;
    public static final ByteRange ALL = new ByteRange(0, TO_END);

    public ByteRange {
        if (offset < 0 || (length < 0 && length != TO_END)) {
            throw new IllegalArgumentException("invalid byte range " + offset + "+" + length);
        }
    }

    public static ByteRange from(long offset) {
        return new ByteRange(offset, TO_END);
    }
}
