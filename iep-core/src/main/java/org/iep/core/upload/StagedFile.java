package org.iep.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;

/**
 * One file of an upload as received: its display name and its chunks in order. The bytes are read straight from the
 * blob store; nothing is assembled into a single copy.
 */
record StagedFile(String fileId, String name, List<Chunk> chunks) {

    /** A stored chunk: the bytes {@code [offset, offset + size)} of the file. */
    record Chunk(BlobKey key, long offset, long size) {
    }

    StagedFile {
        Objects.requireNonNull(name, "name");
        chunks = List.copyOf(chunks);
    }

    long size() {
        return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).offset() + chunks.get(chunks.size() - 1).size();
    }

    /** The whole file as one stream; each chunk opens only when reached. */
    InputStream open(BlobStore blobs) {
        Iterator<Chunk> it = chunks.iterator();
        return new SequenceInputStream(Collections.enumeration(new java.util.AbstractList<InputStream>() {
            @Override
            public InputStream get(int index) {
                return blobs.open(chunks.get(index).key(), ByteRange.ALL);
            }

            @Override
            public int size() {
                return chunks.size();
            }
        }));
    }

    /** Up to {@code length} bytes from {@code position} (fewer only at the end of the file). */
    byte[] read(BlobStore blobs, long position, int length) {
        byte[] out = new byte[(int) Math.max(0, Math.min(length, size() - position))];
        int filled = 0;
        for (Chunk c : chunks) {
            long end = c.offset() + c.size();
            long at = position + filled;
            if (filled == out.length) {
                break;
            }
            if (at >= end || at < c.offset()) {
                continue;
            }
            int n = (int) Math.min(out.length - filled, end - at);
            try (InputStream in = blobs.open(c.key(), new ByteRange(at - c.offset(), n))) {
                int got = in.readNBytes(out, filled, n);
                if (got != n) {
                    throw new IOException("chunk " + c.key() + " is shorter than recorded");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            filled += n;
        }
        return out;
    }
}
