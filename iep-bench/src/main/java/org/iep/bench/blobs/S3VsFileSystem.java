package org.iep.bench.blobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.iep.adapters.s3.S3BlobStore;
import org.iep.adapters.s3.S3Config;
import org.iep.api.Secret;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.core.blob.FileSystemBlobStore;

/**
 * Puts then gets the same N blobs through the filesystem blob store and through the S3 adapter against S3Proxy
 * (file-system backend in a temporary directory, V4 signatures, 127.0.0.1), in one run; prints MB/s and the ratio.
 * S3Proxy shares the machine, so this measures the adapter's overhead over HTTP, not a remote store. Usage:
 * {@code java -cp iep-bench/target/benchmarks.jar org.iep.bench.blobs.S3VsFileSystem [blobs] [bytes]}.
 */
public final class S3VsFileSystem {
    private S3VsFileSystem() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 512 * 1024;
        Path work = Files.createTempDirectory("iep-blob-bench");
        byte[] blob = new byte[size];
        new Random(1).nextBytes(blob);
        Files.createDirectories(work.resolve("s3/bench"));
        S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(work.resolve("s3").toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench", "bench-secret").build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        try (S3BlobStore s3 = new S3BlobStore(new S3Config(URI.create("http://127.0.0.1:" + proxy.getPort()),
                "us-east-1", "bench", "bench", Secret.of("bench-secret"), true, "", 8 * 1024 * 1024,
                Duration.ofMinutes(2)))) {
            BlobStore fs = new FileSystemBlobStore(work.resolve("fs"));
            double mb = (double) count * size / 1e6;
            System.out.printf("%d blobs of %d bytes (%.1f MB)%n", count, size, mb);
            double[] fsTimes = run(fs, count, blob);
            double[] s3Times = run(s3, count, blob);
            System.out.printf("filesystem: put %7.1f MB/s, get %7.1f MB/s%n", mb / fsTimes[0], mb / fsTimes[1]);
            System.out.printf("S3 adapter: put %7.1f MB/s, get %7.1f MB/s%n", mb / s3Times[0], mb / s3Times[1]);
            System.out.printf("ratio S3/filesystem: put %.2f, get %.2f%n", fsTimes[0] / s3Times[0],
                    fsTimes[1] / s3Times[1]);
        } finally {
            proxy.stop();
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Seconds to put all, then to read all back. */
    private static double[] run(BlobStore store, int count, byte[] blob) throws IOException {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            store.put(BlobKey.of("tx", "bench", "instances", String.valueOf(i)), new ByteArrayInputStream(blob));
        }
        long t1 = System.nanoTime();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < count; i++) {
            try (InputStream in = store.open(BlobKey.of("tx", "bench", "instances", String.valueOf(i)),
                    ByteRange.ALL)) {
                while (in.read(buffer) > 0) {
                    // drain
                }
            }
        }
        long t2 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
    }
}
