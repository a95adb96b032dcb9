package org.iep.core.blob;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot see: the files on disk, crash leftovers, and the sidecar that spares re-hashing. */
class FileSystemBlobStoreTest {
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path root;
    FileSystemBlobStore store;

    @BeforeEach
    void createStore() {
        store = new FileSystemBlobStore(root);
    }

    @Test
    void blobsArePlainFilesUnderTheirKeySegments() throws IOException {
        store.put(new BlobKey("tx-1/study/1"), bytes("abc"));

        Path file = root.resolve("blobs/tx-1/study/1@blob");
        assertThat(Files.readString(file)).isEqualTo("abc");
        assertThat(Files.readString(root.resolve("blobs/tx-1/study/1@sha256"))).contains(SHA256_ABC);
    }

    @Test
    void noTemporaryFileOutlivesAPut() throws IOException {
        store.put(new BlobKey("a/1"), bytes("abc"));
        assertThatThrownBy(() -> store.put(new BlobKey("a/2"), failingAfter(100_000)))
                .isInstanceOf(InfrastructureException.class);

        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aCrashLeftoverIsNeverListedAndIsCollectedOnceOld() throws IOException {
        store.put(new BlobKey("a/1"), bytes("abc"));
        Path abandoned = root.resolve(".tmp/0e1f-crashed-put");
        Files.write(abandoned, new byte[4096]);
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path recent = root.resolve(".tmp/another-process-writing");
        Files.write(recent, new byte[16]);

        assertThat(store.list(new BlobKey("a"))).containsExactly(new BlobKey("a/1"));
        assertThat(store.collectTemporaries(Duration.ofHours(1))).isEqualTo(1);

        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        assertThat(store.list(new BlobKey("a"))).containsExactly(new BlobKey("a/1"));
    }

    @Test
    void collectingNeverRemovesTheTemporaryOfAPutInProgress() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        try {
            Future<BlobInfo> upload = uploader.submit(() -> store.put(new BlobKey("a/slow"),
                    new PausingStream(200_000, 100_000, halfway, resume)));
            assertThat(halfway.await(60, TimeUnit.SECONDS)).as("upload reached its pause").isTrue();
            List<Path> inProgress = temporaries().toList();
            assertThat(inProgress).isNotEmpty();
            for (Path p : inProgress) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            }

            assertThat(store.collectTemporaries(Duration.ofHours(1))).isZero();

            resume.countDown();
            assertThat(upload.get(60, TimeUnit.SECONDS).size()).isEqualTo(200_000);
        } finally {
            resume.countDown();
            uploader.shutdownNow();
            assertThat(uploader.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aKeyNamedLikeTheTempDirectoryStaysABlob() throws IOException {
        BlobKey key = new BlobKey(".tmp/x");
        store.put(key, bytes("abc"));

        assertThat(store.collectTemporaries(Duration.ZERO)).isZero();
        assertThat(store.list(new BlobKey(".tmp"))).containsExactly(key);
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void statTrustsAMatchingSidecarInsteadOfReHashing() throws IOException {
        BlobKey key = new BlobKey("a/1");
        store.put(key, bytes("abc"));
        Path blob = store.blobPath(key);
        String marker = "f".repeat(64);
        Sidecar planted = Sidecar.of(3, marker, Files.readAttributes(blob, BasicFileAttributes.class));
        Files.write(sidecarOf(blob), planted.encode());

        assertThat(store.stat(key)).contains(new BlobInfo(key, 3, marker));
    }

    @Test
    void aMissingSidecarIsRecomputedAndWrittenBack() throws IOException {
        BlobKey key = new BlobKey("a/1");
        store.put(key, bytes("abc"));
        Files.delete(sidecarOf(store.blobPath(key)));

        assertThat(store.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
        assertThat(sidecarOf(store.blobPath(key))).exists();
    }

    @Test
    void aSidecarOfAnotherFileIsNotBelieved() throws IOException {
        BlobKey key = new BlobKey("a/1");
        store.put(key, bytes("old content"));
        Path staleSidecar = Files.copy(sidecarOf(store.blobPath(key)), root.resolve("saved-sidecar"));
        store.put(key, bytes("abc"));
        // As if the process died after renaming the old put's sidecar but before renaming the new blob's.
        Files.copy(staleSidecar, sidecarOf(store.blobPath(key)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(store.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
    }

    @Test
    void aTornSidecarIsRecomputed() throws IOException {
        BlobKey key = new BlobKey("a/1");
        store.put(key, bytes("abc"));
        Files.writeString(sidecarOf(store.blobPath(key)), "iep-blob-sidecar 1\n3\nba78");

        assertThat(store.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
    }

    @Test
    void strayFilesInTheTreeAreNotKeys() throws IOException {
        store.put(new BlobKey("a/1"), bytes("abc"));
        Files.writeString(root.resolve("blobs/a/README"), "left by an operator");

        assertThat(store.list(new BlobKey("a"))).containsExactly(new BlobKey("a/1"));
        assertThat(store.deleteAll(new BlobKey("a"))).isEqualTo(1);
        assertThat(root.resolve("blobs/a/README")).exists();
    }

    @Test
    void deleteAllRemovesTheEmptiedDirectories() {
        store.put(new BlobKey("tx-1/s/1"), bytes("1"));
        store.put(new BlobKey("tx-1/s/2/x"), bytes("2"));
        store.put(new BlobKey("tx-2/s/1"), bytes("3"));

        assertThat(store.deleteAll(new BlobKey("tx-1"))).isEqualTo(2);

        assertThat(root.resolve("blobs/tx-1")).doesNotExist();
        assertThat(root.resolve("blobs/tx-2/s/1@blob")).exists();
        assertThat(store.delete(new BlobKey("tx-2/s/1"))).isTrue();
        assertThat(root.resolve("blobs/tx-2")).doesNotExist();
        assertThat(root.resolve("blobs")).isDirectory();
    }

    @Test
    void rangedReadsSeekInsteadOfSkipping() throws IOException {
        store.put(new BlobKey("a/1"), bytes("0123456789"));

        try (InputStream in = store.open(new BlobKey("a/1"), new ByteRange(7, 2))) {
            assertThat(in.readAllBytes()).isEqualTo("78".getBytes(UTF_8));
        }
    }

    private Stream<Path> temporaries() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(".tmp"))) {
            return s.toList().stream();
        }
    }

    private static Path sidecarOf(Path blob) {
        String name = blob.getFileName().toString();
        return blob.resolveSibling(name.substring(0, name.length() - "@blob".length()) + "@sha256");
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(UTF_8));
    }

    /** Serves {@code size} bytes, pausing once after {@code pauseAt} until the test lets it go on. */
    private static final class PausingStream extends InputStream {
        private final int size;
        private final int pauseAt;
        private final CountDownLatch paused;
        private final CountDownLatch resume;
        private int served;

        PausingStream(int size, int pauseAt, CountDownLatch paused, CountDownLatch resume) {
            this.size = size;
            this.pauseAt = pauseAt;
            this.paused = paused;
            this.resume = resume;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served == pauseAt && paused.getCount() > 0) {
                paused.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while paused", e);
                }
            }
            if (served >= size) {
                return -1;
            }
            int n = Math.min(len, (served < pauseAt ? pauseAt : size) - served);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            served += n;
            return n;
        }
    }

    private static InputStream failingAfter(int goodBytes) {
        return new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= goodBytes) {
                    throw new IOException("client went away (simulated)");
                }
                return 'x';
            }
        };
    }
}
