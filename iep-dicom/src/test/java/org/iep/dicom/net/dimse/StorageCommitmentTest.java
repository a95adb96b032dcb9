package org.iep.dicom.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.pdu.PresentationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Storage commitment between our SCU and our SCP in one process: the report on the requesting association and on
 * a new one, failures with their reason, hostile requests refused with a status before anything is checked, the
 * waiting bounded by a timeout and by the registry's capacity.
 */
class StorageCommitmentTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final NetOptions OPTIONS = NetOptions.defaults().withTimeouts(30_000, 60_000);

    final Set<String> stored = Set.of("1.2.3.1", "1.2.3.2", "1.2.3.3");
    final AtomicInteger checks = new AtomicInteger();
    final List<String> events = new CopyOnWriteArrayList<>();
    final PendingCommitments pending = new PendingCommitments(8);
    DicomServer scp;
    DicomServer ours;

    @BeforeEach
    void start() {
        ours = DicomServer.start(new ServerConfig("IEPSCU", (ae, ip) -> true, 10, OPTIONS, null, null,
                NetListener.NONE).withCommitmentReports(pending), InetAddress.getLoopbackAddress(), 0);
        CommitmentScp commitment = new CommitmentScp((calling, ref) -> {
            checks.incrementAndGet();
            return !stored.contains(ref.sopInstanceUid()) ? StorageCommitment.NO_SUCH_OBJECT_INSTANCE
                    : CT.equals(ref.sopClassUid()) ? 0 : StorageCommitment.CLASS_INSTANCE_CONFLICT;
        }, calling -> calling.equals("IEPSCU") ? Optional.of(new CommitmentScp.Destination("127.0.0.1",
                ours.port(), "IEPSCU")) : Optional.empty(), OPTIONS);
        scp = DicomServer.start(new ServerConfig("ARCHIVE", (ae, ip) -> true, 10, OPTIONS, null, null,
                new NetListener() {
                    @Override
                    public void commitmentRefused(String callingAe, String remote, int status, String reason) {
                        events.add("refused " + Status.hex(status));
                    }

                    @Override
                    public void commitmentReported(String callingAe, String tx, int committed, int failed,
                            boolean same) {
                        events.add("reported " + committed + "/" + failed + (same ? " same" : " new"));
                    }
                }).withCommitment(commitment), InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        scp.close();
        ours.close();
    }

    /**
     * The SCP's events once its report is acknowledged: on a new association our SCP completes the request before
     * it answers, so the SCP's listener may hear of it a moment after the requester has its result.
     */
    private List<String> awaitEvents() throws InterruptedException {
        return awaitEvents(1);
    }

    private List<String> awaitEvents(int n) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (events.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return events;
    }

    static StorageCommitment.Request request(String tx, String... instances) {
        List<StorageCommitment.Ref> refs = new ArrayList<>();
        for (String i : instances) {
            refs.add(new StorageCommitment.Ref(CT, i));
        }
        return new StorageCommitment.Request(tx, refs);
    }

    @Test
    void reportOnTheRequestingAssociationWhenTheRolesAreSelected() {
        StorageCommitment.Result r;
        try (DimseClient c = DimseClient.connectForCommitment("127.0.0.1", scp.port(), "IEPSCU", "ARCHIVE", OPTIONS)) {
            r = c.commit(request("2.25.1", "1.2.3.1", "1.2.3.2", "1.2.3.3"), pending, Duration.ofSeconds(30));
        }
        assertThat(r.allCommitted()).isTrue();
        assertThat(r.eventType()).isEqualTo(StorageCommitment.EVENT_ALL_COMMITTED);
        assertThat(r.committed()).extracting(StorageCommitment.Ref::sopInstanceUid)
                .containsExactly("1.2.3.1", "1.2.3.2", "1.2.3.3");
        assertThat(events).containsExactly("reported 3/0 same");
        assertThat(pending.size()).isZero();
    }

    @Test
    void reportOnANewAssociationToOurScpWithEachFailureAndItsReason() throws InterruptedException {
        StorageCommitment.Result r;
        // no role selection: the SCP must open a new association to IEPSCU, which our server takes
        try (DimseClient c = DimseClient.connect("127.0.0.1", scp.port(), "IEPSCU", "ARCHIVE",
                List.of(List.of(StorageCommitment.SOP_CLASS, "1.2.840.10008.1.2")), OPTIONS)) {
            r = c.commit(new StorageCommitment.Request("2.25.2", List.of(new StorageCommitment.Ref(CT, "1.2.3.1"),
                    new StorageCommitment.Ref(CT, "9.9.9"), new StorageCommitment.Ref("1.2.840.10008.5.1.4.1.1.4",
                            "1.2.3.2"))), pending, Duration.ofSeconds(30));
        }
        assertThat(r.eventType()).isEqualTo(StorageCommitment.EVENT_FAILURES_EXIST);
        assertThat(r.committed()).extracting(StorageCommitment.Ref::sopInstanceUid).containsExactly("1.2.3.1");
        assertThat(r.failed()).extracting(f -> f.ref().sopInstanceUid() + "=" + Status.hex(f.reason()))
                .containsExactly("9.9.9=0x0112", "1.2.3.2=0x0119");
        assertThat(awaitEvents()).containsExactly("reported 1/2 new");
    }

    @Test
    void aRequesterThatReleasesAtOnceGetsTheReportOnANewAssociation() throws Exception {
        // SCU and SCP roles selected, so the SCP tries the requesting association first; the requester releases
        // right after the N-ACTION-RSP, and the report must still come, to our SCP
        try (PendingCommitments.Pending p = pending.register("2.25.5", "ARCHIVE")) {
            DimseClient c = DimseClient.connectForCommitment("127.0.0.1", scp.port(), "IEPSCU", "ARCHIVE", OPTIONS);
            Association a = c.association();
            PresentationContext pc = a.context(StorageCommitment.SOP_CLASS, List.of());
            a.sendCommand(pc.id(), CommandSet.of(CommandSet.N_ACTION_RQ, 1, true)
                    .setString(CommandSet.REQUESTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                    .setString(CommandSet.REQUESTED_SOP_INSTANCE, StorageCommitment.SOP_INSTANCE)
                    .setUs(CommandSet.ACTION_TYPE_ID, 1).encode());
            try (OutputStream o = a.dataOutput(pc.id())) {
                o.write(DataSets.encode(StorageCommitment.encode(request("2.25.5", "1.2.3.1", "1.2.3.2")),
                        TransferSyntax.of(pc.transferSyntax())));
            }
            assertThat(CommandSet.decode(a.readCommand().command()).status()).isEqualTo(Status.SUCCESS);
            a.release();
            StorageCommitment.Result r = p.await(Duration.ofSeconds(30));
            assertThat(r.committed()).hasSize(2);
        }
        assertThat(awaitEvents()).containsExactly("reported 2/0 new");
    }

    @Test
    void noReportWithinTheTimeoutIsATypedErrorAndFreesTheRegistry() {
        // a requester whose address the SCP does not know: the report cannot come
        try (DimseClient c = DimseClient.connect("127.0.0.1", scp.port(), "STRANGER", "ARCHIVE",
                List.of(List.of(StorageCommitment.SOP_CLASS, "1.2.840.10008.1.2")), OPTIONS)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> c.commit(request("2.25.3", "1.2.3.1"), pending, Duration.ofMillis(400)))
                    .isInstanceOf(DicomNetException.class)
                    .satisfies(e -> assertThat(((DicomNetException) e).code()).isEqualTo(DicomErrorCode.NET_TIMEOUT))
                    .hasMessageContaining("2.25.3");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
        assertThat(pending.size()).isZero();
    }

    @Test
    void theRegistryIsBoundedAndTakesReportsOnlyFromTheNodeAsked() {
        PendingCommitments two = new PendingCommitments(2);
        try (PendingCommitments.Pending a = two.register("2.25.10", "ARCHIVE");
                PendingCommitments.Pending b = two.register("2.25.11", "ARCHIVE")) {
            assertThatThrownBy(() -> two.register("2.25.12", "ARCHIVE")).isInstanceOf(DicomNetException.class)
                    .hasMessageContaining("already waiting");
            assertThatThrownBy(() -> two.register("2.25.10", "OTHER")).isInstanceOf(DicomNetException.class);
            StorageCommitment.Result r = new StorageCommitment.Result("2.25.10", List.of(), List.of());
            assertThat(two.complete("IMPOSTOR", r)).isFalse();
            assertThat(a.poll(Duration.ZERO)).isNull();
            assertThat(two.complete("ARCHIVE", r)).isTrue();
            assertThat(a.await(Duration.ZERO)).isEqualTo(r);
            assertThat(two.complete("ARCHIVE", new StorageCommitment.Result("2.25.99", List.of(), List.of())))
                    .isFalse();
            assertThat(b.poll(Duration.ZERO)).isNull();
        }
        assertThat(two.size()).isZero();
    }

    // ------------------------------------------------------------------ hostile requests

    /** Sends an N-ACTION with {@code ds} and the given command values; returns the N-ACTION-RSP status. */
    private int rawAction(Attributes ds, String requestedInstance, int actionType) {
        try (DimseClient c = DimseClient.connect("127.0.0.1", scp.port(), "HOSTILE", "ARCHIVE",
                List.of(List.of(StorageCommitment.SOP_CLASS, "1.2.840.10008.1.2")), OPTIONS)) {
            Association a = c.association();
            PresentationContext pc = a.context(StorageCommitment.SOP_CLASS, List.of());
            a.sendCommand(pc.id(), CommandSet.of(CommandSet.N_ACTION_RQ, 7, ds != null)
                    .setString(CommandSet.REQUESTED_SOP_CLASS, StorageCommitment.SOP_CLASS)
                    .setString(CommandSet.REQUESTED_SOP_INSTANCE, requestedInstance)
                    .setUs(CommandSet.ACTION_TYPE_ID, actionType).encode());
            if (ds != null) {
                try (OutputStream o = a.dataOutput(pc.id())) {
                    o.write(DataSets.encode(ds, TransferSyntax.of(pc.transferSyntax())));
                }
            }
            CommandSet rsp = CommandSet.decode(a.readCommand().command());
            assertThat(rsp.commandField()).isEqualTo(CommandSet.N_ACTION_RSP);
            assertThat(rsp.us(CommandSet.MESSAGE_ID_RESPONDED)).isEqualTo(7);
            // the association still serves: a C-ECHO is not offered here, so a second N-ACTION proves it
            return rsp.status();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Attributes dataSet(String tx, int items, String instance) {
        Attributes ds = new Attributes();
        if (tx != null) {
            ds.setString(StorageCommitment.TRANSACTION_UID, VR.UI, tx);
        }
        SequenceElement s = ds.newSequence(StorageCommitment.REFERENCED_SOP_SEQUENCE);
        for (int i = 0; i < items; i++) {
            Attributes item = s.addItem();
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, CT);
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, instance == null ? "1.2.3." + (i + 1) : instance);
        }
        return ds;
    }

    @Test
    void hostileRequestsAreRefusedWithAStatusAndNothingIsChecked() throws InterruptedException {
        String wk = StorageCommitment.SOP_INSTANCE;
        assertThat(rawAction(dataSet("2.25.20", 0, null), wk, 1)).isEqualTo(0x0115); // empty sequence
        Attributes noSequence = new Attributes();
        noSequence.setString(StorageCommitment.TRANSACTION_UID, VR.UI, "2.25.21");
        assertThat(rawAction(noSequence, wk, 1)).isEqualTo(0x0115);
        assertThat(rawAction(dataSet(null, 1, null), wk, 1)).isEqualTo(0x0115); // no transaction UID
        assertThat(rawAction(dataSet("2.25.22/../1", 1, null), wk, 1)).isEqualTo(0x0115);
        assertThat(rawAction(dataSet("2.25.23", 1, "1.2.3/../4"), wk, 1)).isEqualTo(0x0115);
        assertThat(rawAction(dataSet("2.25.24", 1, "..\\..\\x"), wk, 1)).isEqualTo(0x0115);
        assertThat(rawAction(dataSet("2.25.25", 2, "1.2.3.1"), wk, 1)).isEqualTo(0x0115); // one instance twice
        assertThat(rawAction(null, wk, 1)).isEqualTo(0x0115); // no data set at all
        assertThat(rawAction(dataSet("2.25.26", 1, null), "1.2.3.4", 1)).isEqualTo(0x0117); // not the well-known
        assertThat(rawAction(dataSet("2.25.27", 1, null), wk, 2)).isEqualTo(0x0123); // no such action
        assertThat(rawAction(dataSet("2.25.28", StorageCommitment.MAX_ITEMS + 1, null), wk, 1)).isEqualTo(0x0213);
        assertThat(checks).hasValue(0);
        assertThat(awaitEvents(11)).hasSize(11).allMatch(e -> e.startsWith("refused "));
    }

    @Test
    void aDataSetBeyondTheIdentifierCapIsReadAwayAndRefusedWithoutBeingHeld() {
        // 70,000 items (about 4.9 MB) exceed the 4 MiB cap on a received data set: drained, never parsed
        Attributes big = dataSet("2.25.30", 70_000, null);
        assertThat(DataSets.encode(big, TransferSyntax.of("1.2.840.10008.1.2")).length)
                .isGreaterThan(DataSets.MAX_IDENTIFIER);
        assertThat(rawAction(big, StorageCommitment.SOP_INSTANCE, 1)).isEqualTo(0x0213);
        assertThat(checks).hasValue(0);
        // and the SCP still serves a valid request
        try (DimseClient c = DimseClient.connectForCommitment("127.0.0.1", scp.port(), "IEPSCU", "ARCHIVE", OPTIONS)) {
            assertThat(c.commit(request("2.25.31", "1.2.3.1"), pending, Duration.ofSeconds(30)).allCommitted())
                    .isTrue();
        }
    }

    @Test
    void aReportIsReconciledWithWhatWasAsked() {
        StorageCommitment.Request rq = request("2.25.40", "1.2.3.1", "1.2.3.2", "1.2.3.3");
        // the peer commits one we did not ask for, fails one, and forgets one
        StorageCommitment.Result lying = new StorageCommitment.Result("2.25.40", List.of(
                new StorageCommitment.Ref(CT, "1.2.3.1"), new StorageCommitment.Ref(CT, "7.7.7")),
                List.of(new StorageCommitment.Failure(new StorageCommitment.Ref(CT, "1.2.3.2"), 0x0112)));
        StorageCommitment.Result r = CommitmentRequester.reconcile(rq, lying);
        assertThat(r.committed()).extracting(StorageCommitment.Ref::sopInstanceUid).containsExactly("1.2.3.1");
        assertThat(r.failed()).extracting(f -> f.ref().sopInstanceUid() + "=" + Status.hex(f.reason()))
                .containsExactly("1.2.3.2=0x0112", "1.2.3.3=0x0110");
    }

    @Test
    void requestAndResultSurviveTheirEncoding() {
        TransferSyntax ts = TransferSyntax.of("1.2.840.10008.1.2.1");
        StorageCommitment.Request rq = request("2.25.50", "1.2.3.1", "1.2.3.2");
        StorageCommitment.Parsed p = StorageCommitment.readRequest(DataSets.encode(StorageCommitment.encode(rq), ts),
                ts);
        assertThat(p.ok()).isTrue();
        assertThat(p.request()).isEqualTo(rq);
        StorageCommitment.Result r = new StorageCommitment.Result("2.25.50", List.of(rq.refs().get(0)),
                List.of(new StorageCommitment.Failure(rq.refs().get(1), 0x0131)));
        assertThat(StorageCommitment.readResult(DataSets.encode(StorageCommitment.encode(r), ts), ts)).isEqualTo(r);
    }
}
