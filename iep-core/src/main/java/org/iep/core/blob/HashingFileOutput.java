package org.iep.core.blob;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A new file written through one 64 KiB buffer while its SHA-256 and length are computed. Remembers whether a write to
 * the file itself failed, so a caller can tell the disk's failure from its producer's. Not thread-safe: one per put.
 */
final class HashingFileOutput extends OutputStream {
    static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final Sha256 sha = Sha256.create();
    private int filled;
    private long size;
    private IOException diskFailure;

    HashingFileOutput(Path file) throws IOException {
        this.channel = FileChannel.open(file, CREATE_NEW, WRITE);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            drain();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len >= buffer.length) {
            drain();
            sha.update(b, off, len);
            toDisk(ByteBuffer.wrap(b, off, len));
            size += len;
            return;
        }
        if (len > buffer.length - filled) {
            drain();
        }
        System.arraycopy(b, off, buffer, filled, len);
        filled += len;
    }

    /** Writes what is buffered and forces the file's content (and its length) to disk; returns the digest. */
    String finish() throws IOException {
        drain();
        try {
            channel.force(false);
        } catch (IOException e) {
            diskFailure = e;
            throw e;
        }
        return sha.hex();
    }

    long size() {
        return size;
    }

    /** The failure of the file itself, if a write or force failed; null otherwise. */
    IOException diskFailure() {
        return diskFailure;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void drain() throws IOException {
        if (filled > 0) {
            sha.update(buffer, 0, filled);
            toDisk(ByteBuffer.wrap(buffer, 0, filled));
            size += filled;
            filled = 0;
        }
    }

    private void toDisk(ByteBuffer bytes) throws IOException {
        try {
            DurableFiles.writeFully(channel, bytes);
        } catch (IOException e) {
            diskFailure = e;
            throw e;
        }
    }
}
