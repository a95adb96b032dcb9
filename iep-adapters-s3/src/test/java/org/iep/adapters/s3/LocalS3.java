package org.iep.adapters.s3;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.iep.api.Secret;

/** S3Proxy in this JVM on 127.0.0.1 and a free port, in memory, with V4 signatures checked like AWS does. */
final class LocalS3 implements AutoCloseable {
    static final String ACCESS = "iep-test-access";
    static final String SECRET = "iep-test-secret-0123456789";
    private final S3Proxy proxy;
    private final TransientNio2BlobStore store = new TransientNio2BlobStore();

    LocalS3() throws Exception {
        proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    /** A new empty bucket. */
    String bucket(String name) {
        store.createContainer(name);
        return name;
    }

    int port() {
        return proxy.getPort();
    }

    /** Multipart uploads started and neither completed nor aborted. */
    int unfinishedUploads(String bucket) {
        try (var client = client()) {
            return client.listMultipartUploads(r -> r.bucket(bucket)).uploads().size();
        }
    }

    software.amazon.awssdk.services.s3.S3Client client() {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS, SECRET)))
                .build();
    }

    /** Every object key in the bucket, as the store itself names them. */
    java.util.List<String> objectKeys(String bucket) {
        try (var client = client()) {
            return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                    .map(o -> o.key()).toList();
        }
    }

    S3Config config(String bucket, String prefix) {
        return new S3Config(URI.create("http://127.0.0.1:" + proxy.getPort()), "us-east-1", bucket, ACCESS,
                Secret.of(SECRET), true, prefix, S3Config.MIN_PART, Duration.ofSeconds(30));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
