package org.iep.core.packaging;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/**
 * A WinZip AES-256 encrypted zip (zip4j), which 7-Zip, WinZip, macOS Archive Utility alternatives and Windows 11
 * open with the password. Each entry has a fresh random salt, so these packages are not byte-for-byte repeatable
 * and cannot resume from an offset.
 */
final class AesZipSink implements ZipSink {
    private final ZipOutputStream zip;
    private final long time;
    private boolean closed;

    AesZipSink(OutputStream out, char[] password, long epochMillis) throws IOException {
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        }, password);
        this.time = epochMillis;
    }

    @Override
    public void begin(String name, boolean compress, long size) throws IOException {
        ZipParameters p = new ZipParameters();
        p.setFileNameInZip(name);
        p.setEncryptFiles(true);
        p.setEncryptionMethod(EncryptionMethod.AES);
        p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        p.setCompressionMethod(CompressionMethod.DEFLATE);
        p.setCompressionLevel(compress ? CompressionLevel.NORMAL : CompressionLevel.FASTEST);
        p.setLastModifiedFileTime(time);
        zip.putNextEntry(p);
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
        close();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            zip.close();
        }
    }
}
