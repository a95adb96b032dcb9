package org.iep.core.upload;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.iep.api.spi.BlobStore;

/**
 * A read-only channel over a staged file, so the zip reader can seek to the central directory without a local copy.
 * Reads go to the blob store in blocks of {@link #BLOCK} bytes, the last block kept.
 */
final class StagedChannel implements SeekableByteChannel {
    static final int BLOCK = 64 * 1024;
    private final BlobStore blobs;
    private final StagedFile file;
    private final long size;
    private long position;
    private long blockStart = -1;
    private byte[] block = new byte[0];
    private boolean open = true;

    StagedChannel(BlobStore blobs, StagedFile file) {
        this.blobs = blobs;
        this.file = file;
        this.size = file.size();
    }

    @Override
    public int read(ByteBuffer dst) throws ClosedChannelException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (dst.hasRemaining() && position < size) {
            long start = position - position % BLOCK;
            if (start != blockStart) {
                block = file.read(blobs, start, BLOCK);
                blockStart = start;
            }
            int from = (int) (position - start);
            int n = Math.min(dst.remaining(), block.length - from);
            if (n <= 0) {
                break;
            }
            dst.put(block, from, n);
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws ClosedChannelException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws ClosedChannelException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long s) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
