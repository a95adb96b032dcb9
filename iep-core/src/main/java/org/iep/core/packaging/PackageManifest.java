package org.iep.core.packaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.iep.api.NotFoundException;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;

/**
 * What a package turned out to be, kept beside the transaction's images so the next download of the same content
 * neither hashes it again nor re-reads every instance's header or bytes: its length, SHA-256, DICOMDIR and the
 * CRC-32 of every streamed entry (instances, then reports). Keyed by a
 * fingerprint of everything the bytes depend on, so changed content never meets a stale manifest; purged with the
 * transaction. Plain packages only (an AES package differs on every download).
 */
record PackageManifest(long bytes, String sha256, byte[] dicomdir, long[] crcs) {
    private static final byte[] MAGIC = "IEP-PACKAGE-MANIFEST-2\n".getBytes(StandardCharsets.US_ASCII);
    static final String AREA = "packages";

    static BlobKey key(String transactionId, String fingerprint) {
        return BlobKey.of("tx", transactionId, AREA, fingerprint);
    }

    static Optional<PackageManifest> load(BlobStore blobs, BlobKey key) {
        if (blobs.stat(key).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(key, ByteRange.ALL); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                return Optional.empty(); // another format: written again below
            }
            long bytes = data.readLong();
            byte[] sha = data.readNBytes(64);
            byte[] dicomdir = data.readNBytes(data.readInt());
            long[] crcs = new long[data.readInt()];
            for (int i = 0; i < crcs.length; i++) {
                crcs[i] = data.readInt() & 0xFFFFFFFFL;
            }
            return Optional.of(new PackageManifest(bytes, new String(sha, StandardCharsets.US_ASCII), dicomdir,
                    crcs));
        } catch (NotFoundException e) {
            return Optional.empty(); // purged meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("reading a package manifest failed", e);
        }
    }

    void save(BlobStore blobs, BlobKey key) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(dicomdir.length + 4 * crcs.length + 128);
        try (DataOutputStream data = new DataOutputStream(buffer)) {
            data.write(MAGIC);
            data.writeLong(bytes);
            data.write(sha256.getBytes(StandardCharsets.US_ASCII));
            data.writeInt(dicomdir.length);
            data.write(dicomdir);
            data.writeInt(crcs.length);
            for (long crc : crcs) {
                data.writeInt((int) crc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blobs.put(key, new ByteArrayInputStream(buffer.toByteArray()));
    }
}
