package org.iep.dicom.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.dicom.net.dimse.StorageCommitmentTest.OPTIONS;
import static org.iep.dicom.net.dimse.StorageCommitmentTest.request;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.iep.dicom.DicomNetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A commitment report the requester cannot take at first is tried again, as often as configured, then given up. */
class CommitmentRetryTest {
    private static final List<List<String>> COMMITMENT = List.of(List.of(StorageCommitment.SOP_CLASS,
            "1.2.840.10008.1.2"));

    final List<String> events = new CopyOnWriteArrayList<>();
    final PendingCommitments pending = new PendingCommitments(8);
    final AtomicInteger addressesAsked = new AtomicInteger();
    DicomServer requester;
    int deadPort;

    @BeforeEach
    void start() throws IOException {
        requester = DicomServer.start(new ServerConfig("IEPSCU", (ae, ip) -> true, 10, OPTIONS, null, null,
                NetListener.NONE).withCommitmentReports(pending), InetAddress.getLoopbackAddress(), 0);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed again: connecting there is refused
        }
    }

    @AfterEach
    void stop() {
        requester.close();
    }

    @Test
    void aRequesterThatCannotBeReachedAtFirstGetsTheReportOnALaterAttempt() throws InterruptedException {
        // the first new association goes to a port nobody listens on, the retry to the requester's SCP
        CommitmentScp scp = archive(new CommitmentScp.Retry(3, Duration.ofMillis(200)),
                () -> addressesAsked.getAndIncrement() == 0 ? deadPort : requester.port());
        StorageCommitment.Result r;
        try (DicomServer archive = start(scp);
             DimseClient c = DimseClient.connect("127.0.0.1", archive.port(), "IEPSCU", "ARCHIVE", COMMITMENT,
                     OPTIONS)) {
            r = c.commit(request("2.25.20", "1.2.3.1", "1.2.3.2"), pending, Duration.ofSeconds(10));
        }

        assertThat(r.committed()).hasSize(2);
        assertThat(awaitEvents(2)).containsExactly("deferred after attempt 1, again in PT0.2S", "reported 2/0");
        assertThat(addressesAsked).hasValue(2);
    }

    @Test
    void aReportIsTriedAsOftenAsConfiguredThenGivenUpAndSaidSo() throws InterruptedException {
        CommitmentScp scp = archive(new CommitmentScp.Retry(3, Duration.ofMillis(50)), () -> {
            addressesAsked.incrementAndGet();
            return deadPort;
        });
        try (DicomServer archive = start(scp);
             DimseClient c = DimseClient.connect("127.0.0.1", archive.port(), "IEPSCU", "ARCHIVE", COMMITMENT,
                     OPTIONS)) {
            assertThatThrownBy(() -> c.commit(request("2.25.21", "1.2.3.1"), pending, Duration.ofMillis(300)))
                    .isInstanceOf(DicomNetException.class);
            assertThat(awaitEvents(3)).containsExactly("deferred after attempt 1, again in PT0.05S",
                    "deferred after attempt 2, again in PT0.1S", "failed: attempt 3 of 3");
        }
        assertThat(addressesAsked).hasValue(3);
    }

    @Test
    void closingTheServerDropsTheReportsWaitingForARetry() throws InterruptedException {
        CommitmentScp scp = archive(new CommitmentScp.Retry(2, Duration.ofHours(1)), () -> {
            addressesAsked.incrementAndGet();
            return deadPort;
        });
        DicomServer archive = start(scp);
        try (DimseClient c = DimseClient.connect("127.0.0.1", archive.port(), "IEPSCU", "ARCHIVE", COMMITMENT,
                OPTIONS)) {
            assertThatThrownBy(() -> c.commit(request("2.25.22", "1.2.3.1"), pending, Duration.ofMillis(300)))
                    .isInstanceOf(DicomNetException.class);
        } finally {
            archive.close();
        }
        assertThat(awaitEvents(1)).containsExactly("deferred after attempt 1, again in PT1H");
        assertThat(addressesAsked).hasValue(1);
    }

    @Test
    void retryBoundsAreChecked() {
        assertThatThrownBy(() -> new CommitmentScp.Retry(0, Duration.ZERO)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitmentScp.Retry(3, Duration.ofSeconds(-1))).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(new CommitmentScp.Retry(5, Duration.ofSeconds(15)).delayBefore(4)).isEqualTo(Duration.ofMinutes(1));
    }

    private interface Port {
        int next();
    }

    private CommitmentScp archive(CommitmentScp.Retry retry, Port port) {
        return new CommitmentScp((calling, ref) -> 0, calling -> Optional.of(new CommitmentScp.Destination(
                "127.0.0.1", port.next(), "IEPSCU")), OPTIONS, retry);
    }

    private DicomServer start(CommitmentScp scp) {
        return DicomServer.start(new ServerConfig("ARCHIVE", (ae, ip) -> true, 10, OPTIONS, null, null,
                new NetListener() {
                    @Override
                    public void commitmentReported(String callingAe, String tx, int committed, int failed,
                            boolean same) {
                        events.add("reported " + committed + "/" + failed);
                    }

                    @Override
                    public void commitmentReportDeferred(String callingAe, String tx, String reason, int attempt,
                            Duration retryIn) {
                        events.add("deferred after attempt " + attempt + ", again in " + retryIn);
                    }

                    @Override
                    public void commitmentReportFailed(String callingAe, String tx, String reason) {
                        events.add("failed: " + reason.substring(reason.lastIndexOf('(') + 1, reason.length() - 1));
                    }
                }).withCommitment(scp), InetAddress.getLoopbackAddress(), 0);
    }

    private List<String> awaitEvents(int n) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (events.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return events;
    }
}
