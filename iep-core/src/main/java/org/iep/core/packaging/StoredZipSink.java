package org.iep.core.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic zip of stored entries whose sizes and CRC-32s are known before their bytes (APPNOTE 6.3.10),
 * written by hand because then an entry's body is copied as is: no deflate framing, no second pass over the bytes,
 * so a package streams at the speed of reading its files. Every entry carries the same local time and no other
 * extra field; Zip64 fields appear exactly when a size, an offset or the entry count needs them, so the same
 * content always gives the same bytes and a download can resume at an offset. Readers: unzip, Java's ZipFile and
 * ZipInputStream, and every OS's built-in tool (stored entries with sizes up front are the plainest zip there is).
 */
final class StoredZipSink implements ZipSink {
    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int MAX16 = 0xFFFF;

    private final OutputStream out;
    private final int dosTime;
    private final int dosDate;
    private final List<Entry> entries = new ArrayList<>();
    private long offset;
    private Entry open;
    private long written;

    private record Entry(byte[] name, long size, long crc, long offset) {
        boolean zip64Size() {
            return size >= MAX32;
        }
    }

    StoredZipSink(OutputStream out, LocalDateTime time) {
        this.out = out;
        LocalDateTime t = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time;
        this.dosTime = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2;
        this.dosDate = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
    }

    @Override
    public void begin(String name, boolean compress, long size) {
        throw new IllegalStateException("a stored entry needs its CRC-32 up front: begin(name, compress, size, crc)");
    }

    @Override
    public void begin(String name, boolean compress, long size, long crc) throws IOException {
        if (open != null) {
            throw new IllegalStateException("entry " + new String(open.name, StandardCharsets.UTF_8) + " is open");
        }
        open = new Entry(name.getBytes(StandardCharsets.UTF_8), size, crc, offset);
        written = 0;
        Bytes h = new Bytes();
        h.u32(0x04034b50).u16(open.zip64Size() ? 45 : 10).u16(0x0800).u16(0).u16(dosTime).u16(dosDate)
                .u32(crc).u32(open.zip64Size() ? MAX32 : size).u32(open.zip64Size() ? MAX32 : size)
                .u16(open.name.length).u16(open.zip64Size() ? 20 : 0).raw(open.name);
        if (open.zip64Size()) {
            h.u16(0x0001).u16(16).u64(size).u64(size);
        }
        emit(h);
    }

    @Override
    public OutputStream body() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (open == null || written + len > open.size) {
                    throw new IOException("more bytes than the entry's declared size");
                }
                out.write(b, off, len);
                written += len;
                offset += len;
            }
        };
    }

    @Override
    public void end() throws IOException {
        if (open == null) {
            throw new IllegalStateException("no entry is open");
        }
        if (written != open.size) {
            // the blob changed under us: the zip would lie about this entry, so it must not be completed
            throw new IOException("entry " + new String(open.name, StandardCharsets.UTF_8) + " has " + written
                    + " bytes, not the " + open.size + " it declared");
        }
        entries.add(open);
        open = null;
    }

    @Override
    public void finish() throws IOException {
        long cdStart = offset;
        for (Entry e : entries) {
            boolean bigOffset = e.offset >= MAX32;
            int extra = (e.zip64Size() ? 16 : 0) + (bigOffset ? 8 : 0);
            Bytes c = new Bytes();
            c.u32(0x02014b50).u16(45).u16(e.zip64Size() || bigOffset ? 45 : 10).u16(0x0800).u16(0).u16(dosTime)
                    .u16(dosDate).u32(e.crc).u32(e.zip64Size() ? MAX32 : e.size).u32(e.zip64Size() ? MAX32 : e.size)
                    .u16(e.name.length).u16(extra == 0 ? 0 : extra + 4).u16(0).u16(0).u16(0).u32(0)
                    .u32(bigOffset ? MAX32 : e.offset).raw(e.name);
            if (extra > 0) {
                c.u16(0x0001).u16(extra);
                if (e.zip64Size()) {
                    c.u64(e.size).u64(e.size);
                }
                if (bigOffset) {
                    c.u64(e.offset);
                }
            }
            emit(c);
        }
        long cdSize = offset - cdStart;
        boolean zip64 = entries.size() >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
        Bytes end = new Bytes();
        if (zip64) {
            long record = offset;
            end.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(entries.size()).u64(entries.size())
                    .u64(cdSize).u64(cdStart);
            end.u32(0x07064b50).u32(0).u64(record).u32(1);
        }
        int count = Math.min(entries.size(), MAX16);
        end.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(Math.min(cdSize, MAX32))
                .u32(Math.min(cdStart, MAX32)).u16(0);
        emit(end);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush(); // the caller owns the stream
    }

    private void emit(Bytes b) throws IOException {
        out.write(b.buffer, 0, b.length);
        offset += b.length;
    }

    /** Little-endian fields of zip records. */
    private static final class Bytes {
        private byte[] buffer = new byte[256];
        private int length;

        Bytes u16(int v) {
            return put(v, 2);
        }

        Bytes u32(long v) {
            return put(v, 4);
        }

        Bytes u64(long v) {
            return put(v, 8);
        }

        Bytes raw(byte[] b) {
            grow(b.length);
            System.arraycopy(b, 0, buffer, length, b.length);
            length += b.length;
            return this;
        }

        private Bytes put(long v, int n) {
            grow(n);
            for (int i = 0; i < n; i++) {
                buffer[length++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        private void grow(int n) {
            if (length + n > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
            }
        }
    }
}
