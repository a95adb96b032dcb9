package org.iep.testkit.memory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.NotFoundException;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.BlobWriter;
import org.iep.api.spi.ByteRange;

/**
 * Blobs in memory. A put reads its whole input before publishing, so a failing input leaves nothing visible.
 * Holds everything on the heap: for tests with small data only.
 */
public final class InMemoryBlobStore implements BlobStore {
    private record Blob(byte[] bytes, BlobInfo info) {
    }

    private final ConcurrentSkipListMap<String, Blob> blobs = new ConcurrentSkipListMap<>();

    @Override
    public BlobInfo put(BlobKey key, InputStream content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        MessageDigest sha = sha256();
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int n; (n = content.read(chunk)) >= 0; ) {
                buffer.write(chunk, 0, n);
                sha.update(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new InfrastructureException(CoreErrorCode.STORAGE_FAILURE,
                    "Reading the content for " + key + " failed; nothing was stored.", true, e);
        }
        byte[] bytes = buffer.toByteArray();
        BlobInfo info = new BlobInfo(key, bytes.length, HexFormat.of().formatHex(sha.digest()));
        blobs.put(key.value(), new Blob(bytes, info));
        return info;
    }

    /** The writer's bytes are collected first (this store holds everything in memory anyway), then put. */
    @Override
    public BlobInfo write(BlobKey key, BlobWriter writer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            writer.writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return put(key, new ByteArrayInputStream(buffer.toByteArray()));
    }

    @Override
    public Optional<BlobInfo> stat(BlobKey key) {
        return Optional.ofNullable(blobs.get(key.value())).map(Blob::info);
    }

    @Override
    public InputStream open(BlobKey key, ByteRange range) {
        Blob blob = blobs.get(key.value());
        if (blob == null) {
            throw new NotFoundException("Blob " + key);
        }
        int size = blob.bytes.length;
        int from = (int) Math.min(size, range.offset());
        // no addition of the requested length: it may be near Long.MAX_VALUE
        int to = range.length() == ByteRange.TO_END ? size : from + (int) Math.min(range.length(), size - from);
        return new ByteArrayInputStream(blob.bytes, from, to - from);
    }

    @Override
    public boolean delete(BlobKey key) {
        return blobs.remove(key.value()) != null;
    }

    @Override
    public long deleteAll(BlobKey prefix) {
        List<BlobKey> keys = list(prefix);
        keys.forEach(k -> blobs.remove(k.value()));
        return keys.size();
    }

    @Override
    public List<BlobKey> list(BlobKey prefix) {
        return blobs.keySet().stream().map(BlobKey::new).filter(k -> k.isUnder(prefix)).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 missing", e));
        }
    }
}
