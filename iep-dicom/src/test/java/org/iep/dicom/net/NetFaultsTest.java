package org.iep.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.net.dimse.CommandSet;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Part10FileStore;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.pdu.Pdu;
import org.iep.dicom.net.pdu.PduCodec;
import org.iep.dicom.net.pdu.PresentationContext;
import org.iep.dicom.net.pdu.UserInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken peers against our storage SCP: each case ends with the association aborted or refused,
 * nothing stored, and the server still serving. The server keeps its default timers, so that a slow machine does
 * not make a case about something else end by a timer; the timers have their own case and server.
 */
class NetFaultsTest {
    static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path tmp;
    Path stored;
    DicomServer server;

    @BeforeEach
    void start() throws IOException {
        stored = Files.createDirectories(tmp.resolve("stored"));
        server = storageServer(NetOptions.defaults());
    }

    private DicomServer storageServer(NetOptions options) {
        return DicomServer.start(ServerConfig.storage("IEPSCP", new Part10FileStore(stored)).withOptions(options),
                InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DimseClient client() {
        return DimseClient.connect("127.0.0.1", server.port(), "HOSTILE", "IEPSCP",
                List.of(List.of(UIDs.Verification, UIDs.ImplicitVRLittleEndian),
                        List.of(CT_CLASS, UIDs.ExplicitVRLittleEndian)), NetOptions.defaults());
    }

    /** Sends raw bytes and returns the type of the PDU answered (or -1 when the server just closed). */
    private int rawExchange(byte[] bytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            int type = in.read();
            if (type >= 0) {
                in.transferTo(OutputStream.nullOutputStream()); // then the server closes
            }
            return type;
        }
    }

    private void assertStillServing() {
        try (DimseClient c = client()) {
            assertThat(c.echo()).isEqualTo(Status.SUCCESS);
        }
        awaitIdle();
    }

    private void awaitIdle() {
        awaitIdle(server);
    }

    private static void awaitIdle(DicomServer server) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (server.activeAssociations() > 0 && System.nanoTime() < end) {
            sleep(10);
        }
        assertThat(server.activeAssociations()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] pdu(int type, long length, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(type);
        o.write(0);
        o.write((int) (length >>> 24));
        o.write((int) (length >>> 16));
        o.write((int) (length >>> 8));
        o.write((int) length);
        o.writeBytes(body);
        return o.toByteArray();
    }

    private static Pdu.AssociateRq rq(List<PresentationContext> pcs) {
        return new Pdu.AssociateRq("IEPSCP", "HOSTILE", Pdu.APPLICATION_CONTEXT, pcs,
                UserInformation.basic(16384, UIDs.IEPImplementationClassUID, "HOSTILE"));
    }

    @Test
    void malformedUnknownAndLyingPdusAreAbortedAndTheServerKeepsServing() throws Exception {
        assertThat(rawExchange(pdu(0x09, 4, new byte[4]))).as("unknown PDU type").isEqualTo(0x07);
        assertThat(rawExchange(pdu(0x01, 0x7FFFFFF0L, new byte[64]))).as("lying length").isEqualTo(0x07);
        assertThat(rawExchange(pdu(0x01, 100, new byte[100]))).as("garbage A-ASSOCIATE-RQ").isEqualTo(0x07);
        assertThat(rawExchange(pdu(0x04, 12, new byte[12]))).as("P-DATA before association").isEqualTo(0x07);
        byte[] valid = PduCodec.encode(rq(List.of(PresentationContext.proposed(1, UIDs.Verification,
                List.of(UIDs.ImplicitVRLittleEndian)))));
        byte[] truncatedItem = valid.clone();
        truncatedItem[6 + 68 + 2] = (byte) 0x7F; // application context item length past the PDU
        assertThat(rawExchange(truncatedItem)).as("item length past its PDU").isEqualTo(0x07);
        assertStillServing();
        assertThat(Files.list(stored).count()).isZero();
    }

    @Test
    void abusivePresentationContexts() throws Exception {
        // 256 contexts: the 128 odd IDs each twice; every ID is answered once, the first proposal standing
        List<PresentationContext> many = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            many.add(PresentationContext.proposed((i % 128) * 2 + 1, CT_CLASS, List.of(UIDs.ExplicitVRLittleEndian)));
        }
        Pdu answer = exchange(PduCodec.encode(rq(many)));
        assertThat(answer).isInstanceOf(Pdu.AssociateAc.class);
        assertThat(((Pdu.AssociateAc) answer).contexts()).hasSize(128)
                .allMatch(PresentationContext::accepted);
        // an even ID, and no context at all, are malformed requests
        byte[] even = PduCodec.encode(rq(List.of(PresentationContext.proposed(2, UIDs.Verification,
                List.of(UIDs.ImplicitVRLittleEndian)))));
        assertThat(rawExchange(even)).isEqualTo(0x07);
        byte[] empty = PduCodec.encode(rq(List.of(PresentationContext.proposed(1, UIDs.Verification,
                List.of(UIDs.ImplicitVRLittleEndian)))));
        int pcItem = indexOf(empty, (byte) 0x20);
        int pcLen = 4 + ((empty[pcItem + 2] & 0xFF) << 8 | (empty[pcItem + 3] & 0xFF));
        byte[] without = new byte[empty.length - pcLen];
        System.arraycopy(empty, 0, without, 0, pcItem);
        System.arraycopy(empty, pcItem + pcLen, without, pcItem, empty.length - pcItem - pcLen);
        long len = without.length - 6;
        without[2] = (byte) (len >>> 24);
        without[3] = (byte) (len >>> 16);
        without[4] = (byte) (len >>> 8);
        without[5] = (byte) len;
        assertThat(rawExchange(without)).isEqualTo(0x07);
        // verification in a transfer syntax nobody knows is answered "not supported", not accepted
        Pdu odd = exchange(PduCodec.encode(rq(List.of(PresentationContext.proposed(3, UIDs.Verification,
                List.of("1.2.3.4"))))));
        assertThat(odd).isInstanceOf(Pdu.AssociateAc.class);
        assertThat(((Pdu.AssociateAc) odd).contexts()).noneMatch(PresentationContext::accepted);
        assertStillServing();
    }

    private static int indexOf(byte[] b, byte item) {
        for (int i = 6 + 68; i < b.length; i++) {
            if (b[i] == item) {
                return i;
            }
        }
        throw new IllegalStateException("no item");
    }

    /** Sends an A-ASSOCIATE-RQ and reads the answer, then aborts. */
    private Pdu exchange(byte[] rq) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(rq);
            Pdu answer = PduCodec.read(new DataInputStream(s.getInputStream()), 1 << 20);
            s.getOutputStream().write(PduCodec.encode(new Pdu.Abort(0, 0)));
            return answer;
        }
    }

    @Test
    void commandSetsMissingFieldsAndBadUidsAreRefused() throws Exception {
        Path ct = Corpus.file("CT_small.dcm");
        DimseClient.Prepared good = DimseClient.prepare(ct);
        try (DimseClient c = client()) {
            for (String uid : List.of("../../etc/passwd", "1.2/3", "1.2\\3", "1.2.abc", "1..2", "01.2", "")) {
                DimseClient.Prepared bad = new DimseClient.Prepared(ct, good.sopClass(), uid, good.transferSyntax(),
                        good.dataSetOffset());
                int status = uid.isEmpty() ? storeWithout(c, good) : c.store(bad);
                assertThat(Status.isSuccessOrWarning(status)).as("status for '" + uid + "'").isFalse();
            }
            // the association is still usable, and a good instance is stored under a generated name
            assertThat(c.store(good)).isEqualTo(Status.SUCCESS);
        }
        awaitIdle();
        try (Stream<Path> s = Files.list(stored)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(1).allMatch(n -> n.matches("[0-9a-f-]{36}\\.dcm"));
        }
        // a request without Message ID is a protocol error: the association is aborted
        try (DimseClient c = client()) {
            Association a = c.association();
            byte[] noId = stripElement(CommandSet.of(CommandSet.C_ECHO_RQ, 1, false)
                    .setString(CommandSet.AFFECTED_SOP_CLASS, UIDs.Verification).encode(), 0x0110);
            a.sendCommand(1, noId);
            assertThatThrownBy(a::readCommand).isInstanceOf(DicomNetException.class);
            assertThat(a.isOpen()).isFalse();
        }
        assertStillServing();
    }

    /** A C-STORE-RQ without Affected SOP Instance UID, with its data set. */
    private static int storeWithout(DimseClient c, DimseClient.Prepared p) throws IOException {
        Association a = c.association();
        int pc = a.context(p.sopClass(), List.of(p.transferSyntax().uid())).id();
        a.sendCommand(pc, CommandSet.of(CommandSet.C_STORE_RQ, 99, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, p.sopClass()).setUs(CommandSet.PRIORITY, 0).encode());
        try (OutputStream o = a.dataOutput(pc)) {
            o.write(new byte[] {8, 0, 0x18, 0, 'U', 'I', 2, 0, '1', 0});
        }
        Association.Incoming in = a.readCommand();
        CommandSet rsp = CommandSet.decode(in.command());
        assertThat(rsp.us(CommandSet.MESSAGE_ID_RESPONDED)).isEqualTo(99);
        return rsp.status();
    }

    /** Removes one (0000,xxxx) element and fixes the group length. */
    private static byte[] stripElement(byte[] cmd, int element) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int pos = 12;
        while (pos < cmd.length) {
            int el = (cmd[pos + 2] & 0xFF) | (cmd[pos + 3] & 0xFF) << 8;
            int len = (cmd[pos + 4] & 0xFF) | (cmd[pos + 5] & 0xFF) << 8;
            if (el != element) {
                o.write(cmd, pos, 8 + len);
            }
            pos += 8 + len;
        }
        byte[] rest = o.toByteArray();
        byte[] out = new byte[12 + rest.length];
        System.arraycopy(cmd, 0, out, 0, 8);
        out[8] = (byte) rest.length;
        out[9] = (byte) (rest.length >>> 8);
        System.arraycopy(rest, 0, out, 12, rest.length);
        return out;
    }

    @Test
    void silentPeersAreDroppedByArtimAndIdleTimers() throws Exception {
        server.close();
        server = storageServer(NetOptions.defaults().withTimeouts(500, 1500));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000); // far beyond the 500 ms ARTIM: only the timer closes it before
            assertThat(s.getInputStream().read()).as("closed without a word after ARTIM").isEqualTo(-1);
        }
        try (DimseClient c = client()) {
            awaitIdle(); // the silent association is dropped by the 1.5 s idle timer, nothing else ends it
            assertThatThrownBy(c::echo).isInstanceOf(DicomNetException.class);
        }
        assertStillServing();
    }

    @Test
    void hundredConcurrentAssociationsEachStoreAnInstance() throws Exception {
        DimseClient.Prepared ct = DimseClient.prepare(Corpus.file("CT_small.dcm"));
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                jobs.add(() -> {
                    try (DimseClient c = client()) {
                        return c.store(ct);
                    }
                });
            }
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                assertThat(f.get()).isEqualTo(Status.SUCCESS);
            }
        } finally {
            pool.shutdownNow();
        }
        awaitIdle();
        try (Stream<Path> s = Files.list(stored)) {
            assertThat(s.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(100);
        }
    }

    /**
     * 2,000 associate/abort cycles leave no file descriptor behind (/proc/self/fd, both ends are in this JVM).
     * The 10,000-cycle run: {@code -Dtest=NetFaultsTest#connectAbortCycles -Diep.net.cycles=10000}.
     */
    @Test
    void connectAbortCycles() throws Exception {
        int cycles = Integer.getInteger("iep.net.cycles", 2000);
        try (DimseClient c = client()) {
            c.echo(); // warm up: classes loaded, threads created
        }
        awaitIdle();
        long before = openFds();
        long heapBefore = usedHeapAfterGc();
        for (int i = 0; i < cycles; i++) {
            DimseClient c = client();
            c.association().abort();
        }
        awaitIdle();
        long heapAfter = usedHeapAfterGc();
        long after = openFds();
        System.out.printf("connect/abort: %d cycles, fds before %d after %d, heap after GC %.1f MB before %.1f MB"
                + " after, %d threads%n", cycles, before, after, heapBefore / 1e6, heapAfter / 1e6,
                Thread.activeCount());
        assertThat(after - before).as("file descriptors leaked").isLessThanOrEqualTo(5);
        assertStillServing();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long openFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private boolean hasPartialFile() throws IOException {
        try (Stream<Path> s = Files.list(stored)) {
            return s.anyMatch(p -> p.toString().endsWith(".part"));
        }
    }

    @Test
    void peerDroppingMidStoreLeavesNothing() throws Exception {
        Association a = Association.connect("127.0.0.1", server.port(), DimseClient.request("DROP", "IEPSCP",
                List.of(List.of(CT_CLASS, UIDs.ExplicitVRLittleEndian)), NetOptions.defaults()), NetOptions.defaults());
        int pc = a.context(CT_CLASS, List.of()).id();
        a.sendCommand(pc, CommandSet.of(CommandSet.C_STORE_RQ, 1, true).setString(CommandSet.AFFECTED_SOP_CLASS,
                CT_CLASS).setUs(CommandSet.PRIORITY, 0).setString(CommandSet.AFFECTED_SOP_INSTANCE, "1.2.3.4")
                .encode());
        OutputStream data = a.dataOutput(pc);
        data.write(new byte[300_000]); // several PDUs sent, the last fragment never
        data.flush();
        long end = System.nanoTime() + 30_000_000_000L;
        while (!hasPartialFile() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(hasPartialFile()).as("partial output while receiving").isTrue();
        a.close(); // the peer goes away (A-ABORT, then the socket closed) before the last fragment
        awaitIdle();
        try (Stream<Path> s = Files.list(stored)) {
            assertThat(s.toList()).as("nothing partial kept").isEmpty();
        }
        assertStillServing();
    }
}
