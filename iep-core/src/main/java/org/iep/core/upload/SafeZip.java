package org.iep.core.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads a zip archive defensively. Before any entry is inflated the whole directory is checked: entry count (from
 * the end record, before the directory is even parsed), names (no absolute paths, {@code ..}, backslashes, NUL or
 * control characters, percent-encoded separators, duplicates), types (no symbolic links, devices or encrypted
 * entries), declared sizes and ratios, and that no two entries share bytes (the overlapping-entry bomb). While an
 * entry inflates, its bytes are counted against its declared size (a forged size is refused the moment it is
 * exceeded), the ratio and the archive's budget. Names are only ever shown to people; nothing is written under them.
 */
final class SafeZip implements AutoCloseable {
    private static final int END_RECORD = 22;
    private static final Pattern ENCODED = Pattern.compile("%(2e|2f|5c|00)", Pattern.CASE_INSENSITIVE);
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    /** One file entry of the archive, checked. */
    record Entry(String name, long declaredSize, long compressedSize, ZipArchiveEntry raw) {
    }

    private final ZipFile zip;
    private final List<Entry> entries;
    private final UploadLimits limits;
    private long inflatedTotal;

    private SafeZip(ZipFile zip, List<Entry> entries, UploadLimits limits) {
        this.zip = zip;
        this.entries = entries;
        this.limits = limits;
    }

    /** Opens and checks the archive; throws {@link ZipRefusedException} naming the first reason to refuse it. */
    static SafeZip open(SeekableByteChannel channel, UploadLimits limits) {
        long declared = declaredEntries(channel);
        if (declared > limits.maxEntries()) {
            throw new ZipRefusedException("the archive has " + declared + " entries; at most " + limits.maxEntries()
                    + " are accepted");
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(false).get();
        } catch (IOException | RuntimeException e) {
            throw new ZipRefusedException("the archive is damaged (" + e.getMessage() + ")");
        }
        try {
            return new SafeZip(zip, check(zip, channel, limits), limits);
        } catch (ZipRefusedException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry's content, inflating under the limits; the caller closes it. */
    InputStream open(Entry e) {
        InputStream in;
        try {
            in = zip.getInputStream(e.raw());
        } catch (IOException | RuntimeException ex) {
            throw new ZipRefusedException(e.name() + ": cannot be read (" + ex.getMessage() + ")");
        }
        return new Inflating(in, e);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only over a channel we do not own: nothing to lose
        }
    }

    private static List<Entry> check(ZipFile zip, SeekableByteChannel channel, UploadLimits limits) {
        List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
        if (all.size() > limits.maxEntries()) {
            throw new ZipRefusedException("the archive has " + all.size() + " entries; at most "
                    + limits.maxEntries() + " are accepted");
        }
        long size = size(channel);
        Set<String> seen = new HashSet<>();
        List<Entry> files = new ArrayList<>();
        long declaredTotal = 0;
        for (ZipArchiveEntry e : all) {
            String name = e.getName();
            checkName(name);
            if (!seen.add(name.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))) {
                throw new ZipRefusedException(name + ": the name appears twice in the archive");
            }
            int type = e.getUnixMode() & S_IFMT;
            if (e.isUnixSymlink() || e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && type != 0 && type != S_IFREG
                    && type != S_IFDIR) {
                throw new ZipRefusedException(name + ": symbolic links and special files are not accepted");
            }
            if (e.getGeneralPurposeBit().usesEncryption()) {
                throw new ZipRefusedException(name + ": password-protected entries are not accepted; upload the"
                        + " archive without a password");
            }
            if (e.isDirectory()) {
                continue;
            }
            if (!zip.canReadEntryData(e)) {
                throw new ZipRefusedException(name + ": compressed with a method other than deflate");
            }
            long compressed = e.getCompressedSize();
            long declared = e.getSize();
            if (compressed < 0 || e.getDataOffset() < 0 || e.getDataOffset() + compressed > size) {
                throw new ZipRefusedException(name + ": its recorded position or size lies outside the archive");
            }
            if (declared > limits.maxFileBytes()) {
                throw new ZipRefusedException(name + ": " + declared + " bytes; at most " + limits.maxFileBytes()
                        + " are accepted per file");
            }
            if (declared > 0 && declared / Math.max(1, compressed) > limits.maxRatio()) {
                throw new ZipRefusedException(name + ": inflates " + declared / Math.max(1, compressed)
                        + " times its size (a zip bomb); at most " + limits.maxRatio() + " is accepted");
            }
            declaredTotal += Math.max(0, declared);
            if (declaredTotal > limits.maxInflatedBytes()) {
                throw new ZipRefusedException("the archive inflates to more than " + limits.maxInflatedBytes()
                        + " bytes");
            }
            files.add(new Entry(name, declared, compressed, e));
        }
        checkNoOverlap(all);
        return files;
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > 1024) {
            throw new ZipRefusedException("an entry has an empty or overlong name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ZipRefusedException(printable(name) + ": the name contains control characters");
            }
        }
        if (name.indexOf('\\') >= 0) {
            throw new ZipRefusedException(name + ": backslashes are not accepted in names");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new ZipRefusedException(name + ": absolute paths are not accepted");
        }
        if (ENCODED.matcher(name).find()) {
            throw new ZipRefusedException(name + ": percent-encoded dots, slashes or NUL are not accepted");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new ZipRefusedException(name + ": '.' and '..' are not accepted in names");
            }
        }
    }

    private static void checkNoOverlap(List<ZipArchiveEntry> all) {
        List<ZipArchiveEntry> byOffset = new ArrayList<>(all);
        byOffset.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        for (int i = 1; i < byOffset.size(); i++) {
            ZipArchiveEntry prev = byOffset.get(i - 1);
            ZipArchiveEntry next = byOffset.get(i);
            if (prev.getDataOffset() + prev.getCompressedSize() > next.getLocalHeaderOffset()) {
                throw new ZipRefusedException(prev.getName() + " and " + next.getName() + " share bytes in the"
                        + " archive (an overlapping-entry zip bomb)");
            }
        }
    }

    /** The entry count the end record declares (zip64 when it says so); refuses an archive without one. */
    private static long declaredEntries(SeekableByteChannel ch) {
        long size = size(ch);
        int window = (int) Math.min(size, 65_535 + END_RECORD);
        ByteBuffer tail = readAt(ch, size - window, window);
        for (int i = window - END_RECORD; i >= 0; i--) {
            if (tail.getInt(i) == 0x06054b50) {
                long entries = tail.getShort(i + 10) & 0xFFFF;
                if (entries == 0xFFFF && i >= 20 && tail.getInt(i - 20) == 0x07064b50) {
                    long zip64End = tail.getLong(i - 20 + 8);
                    if (zip64End < 0 || zip64End + 56 > size) {
                        throw new ZipRefusedException("the archive's zip64 end record lies outside it");
                    }
                    return readAt(ch, zip64End, 56).getLong(32);
                }
                return entries;
            }
        }
        throw new ZipRefusedException("the archive is incomplete (no end of central directory)");
    }

    private static ByteBuffer readAt(SeekableByteChannel ch, long position, int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            ch.position(position);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // keep reading
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.flip();
    }

    private static long size(SeekableByteChannel ch) {
        try {
            return ch.size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static void closeQuietly(ZipFile zip, Exception cause) {
        try {
            zip.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Counts bytes as they inflate and refuses the moment a limit is passed. */
    private final class Inflating extends FilterInputStream {
        private final Entry entry;
        private long count;

        Inflating(InputStream in, Entry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                inflatedTotal += n;
                if (entry.declaredSize() >= 0 && count > entry.declaredSize()) {
                    throw new ZipRefusedException(entry.name() + ": inflates beyond its declared size of "
                            + entry.declaredSize() + " bytes (a forged size)");
                }
                if (count > Math.max(1, entry.compressedSize()) * limits.maxRatio()) {
                    throw new ZipRefusedException(entry.name() + ": inflates more than " + limits.maxRatio()
                            + " times its size (a zip bomb)");
                }
                if (count > limits.maxFileBytes() || inflatedTotal > limits.maxInflatedBytes()) {
                    throw new ZipRefusedException(entry.name() + ": the archive inflates beyond the accepted size");
                }
            } else if (n < 0 && entry.declaredSize() >= 0 && count != entry.declaredSize()) {
                throw new ZipRefusedException(entry.name() + ": inflates to " + count + " bytes, not the "
                        + entry.declaredSize() + " it declares (a forged size)");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
