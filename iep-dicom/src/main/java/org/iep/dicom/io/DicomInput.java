package org.iep.dicom.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.DicomParseException;

/**
 * A byte source that counts its position, knows (when it can) how many bytes are left, and turns
 * every short read into a {@link DicomParseException}. Values are read in bounded chunks so that a
 * lying length can never allocate more than the data actually present (plus one chunk).
 * Not thread-safe.
 */
final class DicomInput {

    /** Largest single allocation step while reading a value of unknown remaining size. */
    static final int CHUNK = 1 << 20;

    private PushbackInputStream in;
    private long pos;
    /** Absolute end offset if known, else -1 (streams, inflated data). */
    private long limit;
    private boolean bigEndian;
    private final byte[] scratch = new byte[8];

    DicomInput(InputStream in, long length) {
        // buffered: the parser reads headers a few bytes at a time
        int buffer = length < 0 ? 65536 : (int) Math.max(512, Math.min(length, 65536));
        this.in = new PushbackInputStream(new BufferedInputStream(in, buffer), 256);
        this.limit = length;
    }

    long position() {
        return pos;
    }

    /** Bytes left if known, else -1. */
    long remaining() {
        return limit < 0 ? -1 : limit - pos;
    }

    void bigEndian(boolean big) {
        this.bigEndian = big;
    }

    boolean isBigEndian() {
        return bigEndian;
    }

    /**
     * From now on reads the inflated (RFC 1951, no header) form of the rest of the stream, failing
     * once more than {@code maxBytes} bytes would be produced.
     */
    void inflateRest(long maxBytes) {
        long base = pos;
        InputStream inflated = new InflaterInputStream(in, new Inflater(true), 8192);
        InputStream capped = new java.io.FilterInputStream(inflated) {
            private long count;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (count += n) > maxBytes) {
                    throw new DicomParseException(base + count, "deflated data set inflates to more than "
                            + maxBytes + " bytes (ReadOptions.maxInflatedBytes)");
                }
                return n;
            }
        };
        this.in = new PushbackInputStream(capped, 256);
        this.limit = -1;
    }

    /** Reads up to {@code n} bytes without consuming them; fewer at the end of the data. */
    byte[] peek(int n) {
        byte[] b = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(b, got, n - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
            in.unread(b, 0, got);
        } catch (IOException e) {
            throw ioFailure(e);
        }
        return java.util.Arrays.copyOf(b, got);
    }

    boolean atEnd() {
        return peek(1).length == 0;
    }

    void readFully(byte[] b, int off, int len, String what) {
        int done = 0;
        try {
            while (done < len) {
                int r = in.read(b, off + done, len - done);
                if (r < 0) {
                    throw new DicomParseException(pos + done, "unexpected end of data while reading " + what);
                }
                done += r;
            }
        } catch (IOException e) {
            throw ioFailure(e);
        } finally {
            pos += done;
        }
    }

    int u16(String what) {
        readFully(scratch, 0, 2, what);
        return bigEndian ? ((scratch[0] & 0xFF) << 8) | (scratch[1] & 0xFF)
                : ((scratch[1] & 0xFF) << 8) | (scratch[0] & 0xFF);
    }

    long u32(String what) {
        readFully(scratch, 0, 4, what);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = scratch[bigEndian ? i : 3 - i] & 0xFF;
            v = (v << 8) | b;
        }
        return v;
    }

    /** A tag: two 16-bit numbers in the current byte order. */
    int tag(String what) {
        int g = u16(what);
        int e = u16(what);
        return (g << 16) | e;
    }

    /**
     * Reads a value of {@code length} bytes. Fails before allocating when the length exceeds the
     * known remaining bytes; otherwise grows the buffer chunk by chunk, so a lying length in a
     * stream of unknown size fails at the real end of data with little memory used.
     */
    byte[] value(long length, String what) {
        checkAvailable(length, what);
        if (length > Integer.MAX_VALUE - 16) {
            throw new DicomParseException(pos, "value of " + what + " is too long to hold in memory (" + length
                    + " bytes); read it with DicomReader.readUntilPixelData and copy it as a stream");
        }
        int len = (int) length;
        if (len <= CHUNK) {
            byte[] b = new byte[len];
            readFully(b, 0, len, what);
            return b;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        for (int left = len; left > 0; ) {
            int n = Math.min(left, CHUNK);
            readFully(chunk, 0, n, what);
            bos.write(chunk, 0, n);
            left -= n;
        }
        return bos.toByteArray();
    }

    /** Fails if the known remaining data is shorter than {@code length}. */
    void checkAvailable(long length, String what) {
        if (length < 0) {
            throw new DicomParseException(pos, "negative length for " + what);
        }
        if (limit >= 0 && length > limit - pos) {
            throw new DicomParseException(pos, "length " + length + " of " + what + " exceeds the "
                    + (limit - pos) + " bytes left");
        }
    }

    /** Copies exactly {@code length} bytes to {@code out}. */
    void copy(long length, OutputStream out, String what) {
        checkAvailable(length, what);
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(length, 1))];
        for (long left = length; left > 0; ) {
            int n = (int) Math.min(left, chunk.length);
            readFully(chunk, 0, n, what);
            try {
                out.write(chunk, 0, n);
            } catch (IOException e) {
                throw new DicomIoException("cannot write " + what + ": " + e.getMessage(), e);
            }
            left -= n;
        }
    }

    void skip(long length, String what) {
        copy(length, OutputStream.nullOutputStream(), what);
    }

    private RuntimeException ioFailure(IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new DicomParseException(pos, "corrupt deflated data: " + e.getMessage(), e);
        }
        return new DicomIoException("read failed at byte offset " + pos + ": " + e.getMessage(), e);
    }
}
