package org.iep.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.Secret;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the contract does not cover: multipart staging, refusals by the store, configuration. */
class S3BlobStoreTest {
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
    void aBlobOfSeveralPartsIsPublishedWholeAndLeavesNoStagingObject() throws Exception {
        S3Config config = s3.config(s3.bucket("multipart"), "");
        byte[] blob = new byte[2 * S3Config.MIN_PART + 12_345];
        new Random(7).nextBytes(blob);
        try (S3BlobStore store = new S3BlobStore(config)) {
            BlobInfo info = store.put(new BlobKey("tx/1/instances/a"), new ByteArrayInputStream(blob));

            assertThat(info.size()).isEqualTo(blob.length);
            assertThat(info.sha256()).isEqualTo(sha256(blob));
            try (var in = store.open(new BlobKey("tx/1/instances/a"), ByteRange.ALL)) {
                assertThat(in.readAllBytes()).isEqualTo(blob);
            }
            assertThat(s3.objectKeys("multipart")).as("only the published object; the staging copy is gone")
                    .containsExactly("b/tx/1/instances/a/=");
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void wrongCredentialsAreATypedRefusalWithoutTheSecret() {
        S3Config good = s3.config(s3.bucket("credentials"), "");
        S3Config bad = new S3Config(good.endpoint(), good.region(), good.bucket(), good.accessKey(),
                Secret.of("not-the-secret"), true, "", S3Config.MIN_PART, Duration.ofSeconds(10));
        try (S3BlobStore store = new S3BlobStore(bad)) {
            assertThatThrownBy(store::check).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).doesNotContain("not-the-secret");
            });
            assertThatThrownBy(() -> store.put(new BlobKey("a"), new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED));
        }
    }

    @Test
    void aMissingBucketSaysSo() {
        try (S3BlobStore store = new S3BlobStore(s3.config("no-such-bucket", ""))) {
            assertThatThrownBy(() -> store.put(new BlobKey("a"), new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.BUCKET_MISSING));
        }
    }

    @Test
    void configurationListsEveryProblemAndNeverPrintsTheSecret() {
        assertThatThrownBy(() -> S3Config.from(Map.of("iep.s3.endpoint", "ftp://x", "iep.s3.bucket", "Bad_Bucket",
                "iep.s3.partSize", "1024", "iep.s3.timeout", "soon", "iep.s3.encryption", "DES",
                "iep.s3.kmsKeyId", "k1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactlyInAnyOrder("iep.s3.endpoint", "iep.s3.bucket",
                                "iep.s3.accessKey", "iep.s3.secretKey", "iep.s3.partSize", "iep.s3.timeout",
                                "iep.s3.encryption", "iep.s3.kmsKeyId"));
        // an endpoint that does not even parse is one problem, not two
        assertThatThrownBy(() -> S3Config.from(Map.of("iep.s3.endpoint", "http://bad host", "iep.s3.bucket", "b1b",
                "iep.s3.accessKey", "a", "iep.s3.secretKey", "s")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("iep.s3.endpoint"));
        S3Config c = S3Config.from(Map.of("iep.s3.endpoint", "https://s3.eu-west-2.amazonaws.com", "iep.s3.bucket",
                "iep-images", "iep.s3.accessKey", "AKIA0000", "iep.s3.secretKey", "very-secret", "iep.s3.region",
                "eu-west-2"));
        assertThat(c.endpoint()).isEqualTo(URI.create("https://s3.eu-west-2.amazonaws.com"));
        assertThat(c.partSize()).isEqualTo(S3Config.DEFAULT_PART);
        assertThat(c.toString()).doesNotContain("very-secret");
    }
}
