package org.iep.core.blob;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(store.stat(new BlobKey("tx-1/study/1"))).map(BlobInfo::sha256).contains(SHA256_ABC);
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
    void aPutCreatesOneFileWhereTheFileSystemHasUserAttributes() throws IOException {
        assumeTrue(store.sidecarsInAttributes(), "this file system has no user attributes");
        store.put(new BlobKey("a/1"), bytes("abc"));

        try (Stream<Path> files = Files.list(root.resolve("blobs/a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("1@blob");
        }
        assertThat(Sidecar.attachedTo(store.blobPath(new BlobKey("a/1")), attributes(store.blobPath(
                new BlobKey("a/1"))))).map(Sidecar::sha256).contains(SHA256_ABC);
    }

    @Test
    void withoutAttributesTheSidecarIsAFileBesideTheBlob() throws IOException {
        FileSystemBlobStore files = new FileSystemBlobStore(root, Clock.systemUTC(), false);
        files.put(new BlobKey("tx-1/study/1"), bytes("abc"));

        assertThat(files.sidecarsInAttributes()).isFalse();
        assertThat(Files.readString(root.resolve("blobs/tx-1/study/1@sha256"))).contains(SHA256_ABC);
    }

    @Test
    void aStoreWrittenWithSidecarFilesIsReadWithoutReHashing() throws IOException {
        BlobKey key = new BlobKey("a/1");
        new FileSystemBlobStore(root, Clock.systemUTC(), false).put(key, bytes("abc"));
        Path blob = store.blobPath(key);
        String marker = "f".repeat(64);
        Files.write(sidecarFileOf(blob), Sidecar.of(3, marker, attributes(blob)).encode());

        assertThat(store.stat(key)).contains(new BlobInfo(key, 3, marker));
        store.delete(key);
        assertThat(sidecarFileOf(blob)).doesNotExist();
    }

    @ParameterizedTest(name = "sidecars in attributes: {0}")
    @ValueSource(booleans = {true, false})
    void statTrustsAMatchingSidecarInsteadOfReHashing(boolean inAttributes) throws IOException {
        Sidecars sidecars = new Sidecars(inAttributes);
        BlobKey key = new BlobKey("a/1");
        Path blob = sidecars.put(key, "abc");
        String marker = "f".repeat(64);
        sidecars.plant(blob, Sidecar.of(3, marker, attributes(blob)));

        assertThat(sidecars.store.stat(key)).contains(new BlobInfo(key, 3, marker));
    }

    @ParameterizedTest(name = "sidecars in attributes: {0}")
    @ValueSource(booleans = {true, false})
    void aMissingSidecarIsRecomputedAndWrittenBack(boolean inAttributes) throws IOException {
        Sidecars sidecars = new Sidecars(inAttributes);
        BlobKey key = new BlobKey("a/1");
        Path blob = sidecars.put(key, "abc");
        sidecars.remove(blob);
        assertThat(sidecars.read(blob)).isEmpty();

        assertThat(sidecars.store.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
        assertThat(sidecars.read(blob)).map(Sidecar::sha256).contains(SHA256_ABC);
    }

    @Test
    void aSidecarFileOfAnotherFileIsNotBelieved() throws IOException {
        FileSystemBlobStore files = new FileSystemBlobStore(root, Clock.systemUTC(), false);
        BlobKey key = new BlobKey("a/1");
        files.put(key, bytes("old content"));
        Path staleSidecar = Files.copy(sidecarFileOf(files.blobPath(key)), root.resolve("saved-sidecar"));
        files.put(key, bytes("abc"));
        // As if the process died after renaming the old put's sidecar but before renaming the new blob's.
        Files.copy(staleSidecar, sidecarFileOf(files.blobPath(key)),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(files.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
    }

    @ParameterizedTest(name = "sidecars in attributes: {0}")
    @ValueSource(booleans = {true, false})
    void aSidecarOfChangedContentIsNotBelieved(boolean inAttributes) throws IOException {
        Sidecars sidecars = new Sidecars(inAttributes);
        BlobKey key = new BlobKey("a/1");
        Path blob = sidecars.put(key, "xyz");
        // Someone rewrites the blob in place (same inode, same size): its modification time tells.
        Files.writeString(blob, "abc");
        Files.setLastModifiedTime(blob, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));

        assertThat(sidecars.store.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
    }

    @ParameterizedTest(name = "sidecars in attributes: {0}")
    @ValueSource(booleans = {true, false})
    void aTornSidecarIsRecomputed(boolean inAttributes) throws IOException {
        Sidecars sidecars = new Sidecars(inAttributes);
        BlobKey key = new BlobKey("a/1");
        sidecars.tear(sidecars.put(key, "abc"));

        assertThat(sidecars.store.stat(key)).contains(new BlobInfo(key, 3, SHA256_ABC));
    }

    @Test
    void aPurgeRemovingTheDirectoryBeforeItIsForcedFailsNeitherPutNorDelete() throws IOException {
        List<Path> forced = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path instances = root.resolve("blobs/p/5/s");
        FileSystemBlobStore racing = new FileSystemBlobStore(root, Clock.systemUTC(), true, dir -> {
            if (dir.equals(instances)) { // as if deleteAll("p/5") ran between the rename or unlink and this force
                new TreeWalk(root.resolve("blobs")).deleteTree(root.resolve("blobs/p/5"));
            }
            DurableFiles.forceDirectory(dir);
            forced.add(dir);
        });

        racing.put(new BlobKey("p/5/s/0"), bytes("abc"));
        assertThat(forced).containsExactly(root.resolve("blobs/p"));
        assertThat(racing.stat(new BlobKey("p/5/s/0"))).isEmpty();

        forced.clear();
        racing.put(new BlobKey("p/5/t/0"), bytes("abc")); // another directory: forced as usual
        Files.createDirectories(instances);
        Files.writeString(instances.resolve("1@blob"), "x");
        assertThat(racing.delete(new BlobKey("p/5/s/1"))).isTrue();
        assertThat(forced).containsExactly(root.resolve("blobs/p/5/t"), root.resolve("blobs/p"));
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

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    /** The store under test in one sidecar mode, and how to tamper with its sidecars. */
    private final class Sidecars {
        final FileSystemBlobStore store;

        Sidecars(boolean inAttributes) {
            store = new FileSystemBlobStore(root, Clock.systemUTC(), inAttributes);
            assumeTrue(store.sidecarsInAttributes() == inAttributes, "this file system has no user attributes");
        }

        /** Puts {@code content} at {@code key}; returns the blob's file. */
        Path put(BlobKey key, String content) {
            store.put(key, bytes(content));
            return store.blobPath(key);
        }

        void plant(Path blob, Sidecar sidecar) throws IOException {
            if (store.sidecarsInAttributes()) {
                sidecar.attachTo(blob);
            } else {
                Files.write(sidecarFileOf(blob), sidecar.encode());
            }
        }

        void remove(Path blob) throws IOException {
            if (store.sidecarsInAttributes()) {
                Files.getFileAttributeView(blob, UserDefinedFileAttributeView.class).delete(Sidecar.ATTRIBUTE);
            } else {
                Files.delete(sidecarFileOf(blob));
            }
        }

        void tear(Path blob) throws IOException {
            if (store.sidecarsInAttributes()) {
                Files.getFileAttributeView(blob, UserDefinedFileAttributeView.class).write(Sidecar.ATTRIBUTE,
                        java.nio.ByteBuffer.wrap(new byte[] {1, 0, 0}));
            } else {
                Files.writeString(sidecarFileOf(blob), "iep-blob-sidecar 1\n3\nba78");
            }
        }

        Optional<Sidecar> read(Path blob) throws IOException {
            return store.sidecarsInAttributes() ? Sidecar.attachedTo(blob, attributes(blob))
                    : Sidecar.read(sidecarFileOf(blob));
        }
    }

    private static Path sidecarFileOf(Path blob) {
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
