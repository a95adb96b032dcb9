package org.iep.core.packaging;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip from the JDK's writer, made deterministic: every entry carries the same fixed local time and no extra
 * fields, and entries that must not be compressed are deflated at level 0 (stored blocks, no CRC needed up front),
 * so the same content gives the same bytes and a download can resume from an offset. Zip64 is used by the JDK as
 * soon as a size or offset needs it.
 */
final class PlainZipSink implements ZipSink {
    private final ZipOutputStream zip;
    private final LocalDateTime time;

    PlainZipSink(OutputStream out, LocalDateTime time) {
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // the caller owns the stream
            }
        });
        this.time = time;
    }

    @Override
    public void begin(String name, boolean compress, long size) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(time);
        zip.setLevel(compress ? Deflater.DEFAULT_COMPRESSION : Deflater.NO_COMPRESSION);
        zip.putNextEntry(e);
    }

    @Override
    public OutputStream body() {
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // entries end with end()
            }
        };
    }

    @Override
    public void end() throws IOException {
        zip.closeEntry();
    }

    @Override
    public void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

}
