package org.iep.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.testkit.TestClock;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Hl7ListenerTest {
    static final int MAX_FRAME = 64 * 1024;

    final TestClock clock = TestClock.create();
    final InMemoryReportStore reportStore = new InMemoryReportStore();
    final InMemoryTransactionStore txStore = new InMemoryTransactionStore();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final Reports reports = new Reports(reportStore, txStore, blobs, new Auditor(new InMemoryAuditLog(), clock),
            new IdGenerator(new SecureRandom()), clock, ReportSettings.DEFAULT);
    Hl7Listener listener;
    int port;
    HapiContext client;

    @BeforeEach
    void start() {
        Hl7Config config = Hl7Config.DEFAULT.withPort(0)
                .withLimits(2, MAX_FRAME, Duration.ofMillis(1000), Duration.ofMillis(2500));
        listener = new Hl7Listener(config, Optional.empty(), reports);
        port = listener.start();
        client = new DefaultHapiContext();
        client.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        listener.close();
    }

    ACK send(String message) throws Exception {
        Connection c = client.newClient("127.0.0.1", port, false);
        try {
            Message reply = c.getInitiator().sendAndReceive(client.getPipeParser().parse(message));
            return (ACK) reply;
        } finally {
            c.close();
        }
    }

    Transaction stored(int n) {
        return txStore.commit(TransactionChanges.insert(Transactions.transfer(n).build())).get(0);
    }

    byte[] content(TransactionId tx, Attachment a) throws IOException {
        try (InputStream in = blobs.open(BlobKey.of("tx", tx.value(), "attachments", a.id().value()),
                ByteRange.ALL)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTextReportIsAcknowledgedAaAndAttachedWithItsLinesInOrder() throws Exception {
        Transaction t = stored(1);

        ACK ack = send(Messages.textReport("M1", "ACC1"));

        assertThat(ack.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AA");
        assertThat(ack.getMSA().getMessageControlID().getValue()).isEqualTo("M1");
        Attachment a = txStore.find(t.id()).orElseThrow().attachments().get(0);
        assertThat(a.mediaType()).isEqualTo("text/plain");
        assertThat(new String(content(t.id(), a), StandardCharsets.UTF_8)).isEqualTo(
                "CT head: no acute haemorrhage.\nImpression:\nnormal study\nReported by Dr Who");
    }

    @Test
    void anEncapsulatedPdfIsDecodedAndAttached() throws Exception {
        Transaction t = stored(2);

        assertThat(send(Messages.pdfReport("M2", "ACC2")).getMSA().getAcknowledgmentCode().getValue())
                .isEqualTo("AA");

        Attachment a = txStore.find(t.id()).orElseThrow().attachments().get(0);
        assertThat(a.mediaType()).isEqualTo("application/pdf");
        assertThat(content(t.id(), a)).isEqualTo(Messages.PDF);
    }

    @Test
    void aReportBeforeItsStudyIsPendingThenAttachedOnArrival() throws Exception {
        assertThat(send(Messages.textReport("M3", "ACC3")).getMSA().getAcknowledgmentCode().getValue())
                .isEqualTo("AA");
        assertThat(reportStore.byOrder("ACC3", "P0001")).hasSize(1);

        Transaction t = stored(3);
        reports.onStudyArrived(t.id(), Transactions.study(3).studyInstanceUid(), "ACC3", "P0001");

        assertThat(txStore.find(t.id()).orElseThrow().attachments()).hasSize(1);
    }

    @Test
    void aRepeatedControlIdIsAcknowledgedButStoredOnce() throws Exception {
        Transaction t = stored(4);

        assertThat(send(Messages.textReport("M4", "ACC4")).getMSA().getAcknowledgmentCode().getValue())
                .isEqualTo("AA");
        assertThat(send(Messages.textReport("M4", "ACC4")).getMSA().getAcknowledgmentCode().getValue())
                .isEqualTo("AA");

        assertThat(reportStore.byOrder("ACC4", "P0001")).hasSize(1);
        assertThat(txStore.find(t.id()).orElseThrow().attachments()).hasSize(1);
        assertThat(blobs.list(BlobKey.of("reports"))).hasSize(1);
    }

    @Test
    void theSameControlIdFromAnotherSenderIsAnotherMessage() throws Exception {
        send(Messages.textReport("M5", "ACC5"));
        send(Messages.textReport("M5", "ACC5").replace("|RIS|STEE|", "|RIS2|STEE|"));
        assertThat(reportStore.byOrder("ACC5", "P0001")).hasSize(2);
    }

    @Test
    void anUnknownMessageTypeGetsArWithAnErrSegmentAndIsKeptRaw() throws Exception {
        String reply = exchange(Messages.frame(Messages.adt("M6")));

        assertThat(reply).contains("MSA|AR|M6").contains("\rERR|");
        assertThat(reportStore.rejected(10)).singleElement()
                .satisfies(m -> assertThat(m.raw()).isEqualTo(Messages.adt("M6")));
    }

    @Test
    void anOruWithoutAccessionGetsAeWithAnErrSegmentAndIsKeptRaw() throws Exception {
        String message = Messages.textReport("M7", "");

        String reply = exchange(Messages.frame(message));

        assertThat(reply).contains("MSA|AE|M7").contains("\rERR|");
        assertThat(reportStore.rejected(10)).singleElement()
                .satisfies(m -> assertThat(m.raw()).isEqualTo(message));
        assertThat(reportStore.expired(clock.instant().plus(Duration.ofDays(365)), 10)).isEmpty();
    }

    @Test
    void aReportThatIsNeitherPdfNorTextGetsAe() throws Exception {
        String exe = Messages.pdfReport("M8", "ACC8").replace(
                java.util.Base64.getEncoder().encodeToString(Messages.PDF),
                java.util.Base64.getEncoder().encodeToString(new byte[] {'M', 'Z', (byte) 0x90, 0, 3}));

        assertThat(exchange(Messages.frame(exe))).contains("MSA|AE|M8").contains("\rERR|");
        assertThat(reportStore.byOrder("ACC8", "P0001")).isEmpty();
        assertThat(reportStore.rejected(10)).hasSize(1);
    }

    @Test
    void nonHl7BytesInAFrameGetAnArAnswer() throws Exception {
        String reply = exchange(Messages.frame("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));

        assertThat(reply).contains("MSA|AR").contains("\rERR|");
        assertThat(reportStore.rejected(10)).hasSize(1);
    }

    @Test
    void bytesOutsideAFrameCloseTheConnection() throws Exception {
        assertThat(exchange("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(CLOSED);
        assertThat(send(Messages.textReport("M9", "ACC9")).getMSA().getAcknowledgmentCode().getValue())
                .as("the listener still serves").isEqualTo("AA");
    }

    @Test
    void aFrameWithoutEndBlockIsNeverAnsweredNorStoredAndTheConnectionIsClosed() throws Exception {
        byte[] frame = Messages.frame(Messages.textReport("M10", "ACC10"));
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 2);

        assertThat(exchange(cut)).as("closed after the read timeout").isEqualTo(CLOSED);
        assertThat(reportStore.byOrder("ACC10", "P0001")).isEmpty();
    }

    @Test
    void aNewStartBlockAfterAMissingEndBlockDropsThePartialAndAnswersTheNext() throws Exception {
        byte[] first = Messages.frame(Messages.textReport("M11", "ACC11"));
        byte[] second = Messages.frame(Messages.textReport("M12", "ACC12"));
        byte[] both = new byte[first.length - 2 + second.length];
        System.arraycopy(first, 0, both, 0, first.length - 2);
        System.arraycopy(second, 0, both, first.length - 2, second.length);

        assertThat(exchange(both)).contains("MSA|AA|M12");
        assertThat(reportStore.byOrder("ACC11", "P0001")).isEmpty();
        assertThat(reportStore.byOrder("ACC12", "P0001")).hasSize(1);
    }

    @Test
    void anOversizeFrameClosesTheConnectionAndStoresNothing() throws Exception {
        String big = Messages.textReport("M13", "ACC13").replace("no acute haemorrhage.",
                "x".repeat(MAX_FRAME));

        assertThat(exchange(Messages.frame(big))).isEqualTo(CLOSED);
        assertThat(reportStore.byOrder("ACC13", "P0001")).isEmpty();
        assertThat(reportStore.rejected(10)).isEmpty();
    }

    @Test
    void aSlowSenderIsCutOffAtTheFrameDeadline() throws Exception {
        byte[] frame = Messages.frame(Messages.textReport("M14", "ACC14"));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            long start = System.nanoTime();
            boolean closed = false;
            // One byte every 300 ms never trips the 1 s read timeout; the 2.5 s frame deadline must.
            for (int i = 0; i < frame.length && !closed; i++) {
                try {
                    s.getOutputStream().write(frame[i]);
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                Thread.sleep(300);
                if (s.getInputStream().available() == 0 && System.nanoTime() - start > 4_000_000_000L) {
                    s.setSoTimeout(2000);
                    closed = readReply(s).equals(CLOSED);
                }
            }
            assertThat(closed).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(reportStore.byOrder("ACC14", "P0001")).isEmpty();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        try (Socket a = new Socket("127.0.0.1", port); Socket b = new Socket("127.0.0.1", port)) {
            for (Socket s : new Socket[] {a, b}) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(Messages.frame(Messages.adt("L" + s.getLocalPort())));
                assertThat(readReply(s)).contains("MSA|AR");
            }
            try (Socket c = new Socket("127.0.0.1", port)) {
                c.setSoTimeout(10_000);
                assertThat(readReply(c)).isEqualTo(CLOSED);
            }
            assertThat(listener.refusedConnections()).isEqualTo(1);
        }
    }

    @Test
    void theSameMessageOnTwoConnectionsAtOnceIsStoredAndAttachedOnce() throws Exception {
        Transaction t = stored(15);
        byte[] frame = Messages.frame(Messages.pdfReport("M15", "ACC15"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<String>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return exchange(frame);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<String> reply : replies) {
                assertThat(reply.get(30, java.util.concurrent.TimeUnit.SECONDS)).contains("MSA|AA|M15");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reportStore.byOrder("ACC15", "P0001")).hasSize(1);
        assertThat(txStore.find(t.id()).orElseThrow().attachments()).hasSize(1);
        assertThat(blobs.list(BlobKey.of("reports"))).as("the loser's copy is deleted").hasSize(1);
    }

    static final String CLOSED = "<closed>";

    String exchange(byte[] bytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            return readReply(s);
        }
    }

    /** One MLLP reply's payload, or {@link #CLOSED} when the listener closed the connection instead. */
    static String readReply(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            int b = in.read();
            if (b == -1) {
                return CLOSED;
            }
            assertThat(b).isEqualTo(0x0B);
            while ((b = in.read()) != 0x1C) {
                if (b == -1) {
                    throw new IOException("reply cut");
                }
                buf.write(b);
            }
            assertThat(in.read()).isEqualTo(0x0D);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer and no close within the timeout: the sender would hang", e);
        } catch (java.net.SocketException e) {
            return CLOSED; // connection reset by the listener
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
