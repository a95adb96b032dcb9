package org.iep.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A child JVM putting a 4-part blob is killed (SIGKILL) at a random moment, 20 times: the blob is never visible in
 * part (absent, or whole with the right digest), and after the sweep no unfinished upload and no staging object
 * remains. A request the child sent before it died may still complete on the server afterwards (S3 behaves the
 * same), so a blob absent just after a kill may be published a moment later: the test lets the server settle
 * before the sweep and then requires every blob there to be whole.
 */
class S3CrashTest {
    private static final long SIZE = 3L * S3Config.MIN_PART + 4321;
    private static LocalS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = new LocalS3();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void killedUploadsLeaveNothingPartialAndTheSweepCleansUp() throws Exception {
        String bucket = s3.bucket("crash");
        String whole = digest();
        Random random = new Random(20261123);
        int visibleWhole = 0;
        try (S3BlobStore store = new S3BlobStore(s3.config(bucket, ""))) {
            for (int run = 0; run < 20; run++) {
                BlobKey key = new BlobKey("tx/crash/instances/" + run);
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        S3PutMain.class.getName(), String.valueOf(s3.port()), bucket, key.value(),
                        String.valueOf(SIZE)).redirectErrorStream(true).start();
                awaitReady(child);
                // the upload takes a few hundred milliseconds here: the kill lands before, during or after it
                Thread.sleep(random.nextInt(1500));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                var info = store.stat(key);
                if (info.isPresent()) {
                    visibleWhole++;
                    assertThat(info.get().size()).isEqualTo(SIZE);
                    assertThat(info.get().sha256()).isEqualTo(whole);
                }
            }
            int unfinished = s3.unfinishedUploads(bucket);
            long staged = s3.objectKeys(bucket).stream().filter(k -> k.startsWith("s/")).count();
            System.out.printf("20 kills: %d blobs whole, %d absent; %d unfinished uploads and %d staging objects"
                    + " before the sweep%n", visibleWhole, 20 - visibleWhole, unfinished, staged);
            assertThat(unfinished + staged).as("some kills landed mid-upload (else the test proves nothing)")
                    .isPositive();
            try (var other = s3.client()) {
                // another application's unfinished upload in the same bucket is not IEP's to abort
                other.createMultipartUpload(r -> r.bucket(bucket).key("other-app/upload"));
            }
            settle(bucket);
            store.sweep(Duration.ZERO);
            assertThat(s3.unfinishedUploads(bucket)).as("only the other application's upload is left").isEqualTo(1);
            List<String> left = s3.objectKeys(bucket);
            assertThat(left).as("only blobs remain, and every one seen whole still does")
                    .allMatch(k -> k.matches("b/tx/crash/instances/\\d+/=")).hasSizeGreaterThanOrEqualTo(visibleWhole);
            for (int run = 0; run < 20; run++) {
                BlobKey key = new BlobKey("tx/crash/instances/" + run);
                var info = store.stat(key);
                if (info.isPresent()) {
                    assertThat(info.get().size()).as(key.value()).isEqualTo(SIZE);
                    try (InputStream in = store.open(key, ByteRange.ALL)) {
                        assertThat(digest(in)).as("the bytes of " + key.value()).isEqualTo(whole);
                    }
                }
            }
        }
    }

    /**
     * Waits (60 s at most: a loaded machine starts JVMs slowly) until the child says its client is ready; its output
     * is read to the end meanwhile, so that the child never blocks on a full pipe.
     */
    private static void awaitReady(Process child) throws Exception {
        var ready = new java.util.concurrent.CompletableFuture<Void>();
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("ready")) {
                        ready.complete(null);
                    }
                }
                ready.completeExceptionally(new AssertionError("the child ended without saying it was ready"));
            } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
            }
        }, "s3-crash-child-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(60, TimeUnit.SECONDS);
    }

    /** Waits until the bucket's objects and uploads stay the same for a second: no request still at work. */
    private static void settle(String bucket) throws InterruptedException {
        String before = "";
        for (int i = 0; i < 30; i++) {
            String now = s3.objectKeys(bucket) + " " + s3.unfinishedUploads(bucket);
            if (now.equals(before)) {
                return;
            }
            before = now;
            Thread.sleep(1000);
        }
        throw new AssertionError("S3 did not settle in 30 s: " + before);
    }

    private static String digest(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) > 0) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String digest() throws Exception {
        return digest(new S3PutMain.Generated(SIZE));
    }
}
