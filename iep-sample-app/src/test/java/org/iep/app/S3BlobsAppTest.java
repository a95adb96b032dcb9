package org.iep.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TrackingNumber;
import org.iep.adapters.s3.S3BlobStore;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal on an S3-compatible store by configuration alone: the demo study lands in the bucket. */
class S3BlobsAppTest {
    @TempDir
    Path data;

    @Test
    void theDemoImagesAreStoredInTheBucket() throws Exception {
        TransientNio2BlobStore backend = new TransientNio2BlobStore();
        backend.createContainer("iep-images");
        S3Proxy proxy = S3Proxy.builder().blobStore(backend).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "portal", "portal-secret").build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        try (IepApplication app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString(), "iep.blobs.mode", "s3",
                "iep.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(), "iep.s3.bucket", "iep-images",
                "iep.s3.accessKey", "portal", "iep.s3.secretKey", "portal-secret"))))) {
            BlobStore blobs = app.injector().getInstance(BlobStore.class);
            assertThat(blobs).isInstanceOf(S3BlobStore.class);
            var demo = app.injector().getInstance(TransactionStore.class)
                    .findByTracking(new TrackingNumber("STEE0000001")).orElseThrow();
            var stored = app.injector().getInstance(InstanceIndex.class).byTransaction(demo.id());
            assertThat(stored).hasSize(8);
            for (var i : stored) {
                assertThat(blobs.stat(i.blob())).hasValueSatisfying(b -> assertThat(b.sha256())
                        .isEqualTo(i.sha256()));
            }
            assertThat(data.resolve("blobs")).doesNotExist();
            List<String> keys = backend.list("iep-images").contents().stream().map(o -> o.key()).toList();
            assertThat(keys).hasSizeGreaterThanOrEqualTo(8);
        } finally {
            proxy.stop();
        }
    }
}
