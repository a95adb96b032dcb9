package org.iep.core.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zip archives for tests, including the malformed ones an attacker would send. */
final class Zips {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes);

    Zips add(String name, byte[] content) {
        return add(name, content, 0100644, ZipArchiveEntry.DEFLATED);
    }

    Zips stored(String name, byte[] content) {
        return add(name, content, 0100644, ZipArchiveEntry.STORED);
    }

    Zips symlink(String name, String target) {
        return add(name, target.getBytes(StandardCharsets.UTF_8), 0120777, ZipArchiveEntry.STORED);
    }

    private Zips add(String name, byte[] content, int unixMode, int method) {
        try {
            ZipArchiveEntry e = new ZipArchiveEntry(name);
            e.setUnixMode(unixMode);
            e.setMethod(method);
            if (method == ZipArchiveEntry.STORED) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(content);
                e.setCrc(crc.getValue());
                e.setSize(content.length);
            }
            zip.putArchiveEntry(e);
            zip.write(content);
            zip.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    byte[] bytes() {
        try {
            zip.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length): names in local and central headers. */
    static byte[] patch(byte[] zip, String from, byte[] to) {
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        if (f.length != to.length) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] out = zip.clone();
        for (int i = 0; i <= out.length - f.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to, 0, out, i, to.length);
            }
        }
        return out;
    }
}
