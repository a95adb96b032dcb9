package org.iep.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.Transaction;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash between the durable store and the ACK: a child JVM serving HL7 on an H2 file is halted right after the
 * report record is committed (before it is attached) or right after it is attached — in both cases before the ACK
 * is written. The sender sees the connection drop, resends the same message to a fresh JVM and gets AA. Every
 * report must then be stored once and attached once: 0 lost, 0 duplicated.
 */
class Hl7CrashTest {
    static final int RUNS_PER_POINT = 2;

    @TempDir
    Path dir;

    @Test
    void aCrashBetweenStoreAndAckLosesAndDuplicatesNothing() throws Exception {
        Path dbDir = Files.createDirectories(dir.resolve("db"));
        Path blobDir = Files.createDirectories(dir.resolve("blobs"));
        List<String> points = List.of("report", "attach");
        int runs = points.size() * RUNS_PER_POINT;
        try (JdbcDatabase db = JdbcDatabase.start(CrashRig.h2File(dbDir))) {
            CrashRig rig = CrashRig.plain(db.dataSource(), blobDir);
            for (int n = 1; n <= runs; n++) {
                rig.transactions.commit(TransactionChanges.insert(Transactions.transfer(n).build()));
            }
        }

        List<String> answers = new ArrayList<>();
        for (int n = 1; n <= runs; n++) {
            String point = points.get((n - 1) / RUNS_PER_POINT % points.size());
            String message = n % 2 == 0 ? Messages.pdfReport("C" + n, "ACC" + n)
                    : Messages.textReport("C" + n, "ACC" + n);

            Child crashing = Child.start(dbDir, blobDir, dir.resolve("port-" + n + "a"), point);
            assertThat(sendRaw(crashing.port, message)).as("run %d at %s: no ACK, the connection drops", n, point)
                    .isEqualTo(Hl7ListenerTest.CLOSED);
            assertThat(crashing.exit()).as("halted at " + point).isEqualTo(Hl7CrashMain.HALTED);

            Child serving = Child.start(dbDir, blobDir, dir.resolve("port-" + n + "b"), "serve");
            try {
                answers.add(sendWithHapi(serving.port, message));
            } finally {
                serving.kill();
            }
        }

        assertThat(answers).as("every resend acknowledged").containsOnly("AA").hasSize(runs);
        try (JdbcDatabase db = JdbcDatabase.start(CrashRig.h2File(dbDir))) {
            CrashRig rig = CrashRig.plain(db.dataSource(), blobDir);
            for (int n = 1; n <= runs; n++) {
                assertThat(rig.reportStore.byOrder("ACC" + n, "P0001")).as("run %d: stored once", n).hasSize(1);
                Transaction t = rig.transactions.find(Transactions.transfer(n).build().id()).orElseThrow();
                assertThat(t.attachments()).as("run %d: attached once", n).hasSize(1);
                Attachment a = t.attachments().get(0);
                try (InputStream in = rig.blobs.open(BlobKey.of("tx", t.id().value(), "attachments",
                        a.id().value()), ByteRange.ALL)) {
                    byte[] content = in.readAllBytes();
                    assertThat(content.length).isEqualTo(a.size());
                    if (n % 2 == 0) {
                        assertThat(content).isEqualTo(Messages.PDF);
                    } else {
                        assertThat(new String(content, StandardCharsets.UTF_8)).startsWith("CT head");
                    }
                }
            }
            // Halts happen after the insert, so every content blob has its record and none was written twice.
            assertThat(rig.blobs.list(BlobKey.of("reports"))).as("one content blob per report").hasSize(runs);
        }
    }

    private static String sendRaw(int port, String message) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(Messages.frame(message));
            s.getOutputStream().flush();
            return Hl7ListenerTest.readReply(s);
        }
    }

    private static String sendWithHapi(int port, String message) throws Exception {
        try (HapiContext client = new DefaultHapiContext()) {
            client.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
            client.getParserConfiguration().setValidating(false);
            Connection c = client.newClient("127.0.0.1", port, false);
            try {
                // a fresh child JVM answers its first message slowly on a loaded machine; HAPI waits 10 s by default
                c.getInitiator().setTimeout(60, java.util.concurrent.TimeUnit.SECONDS);
                ACK ack = (ACK) c.getInitiator().sendAndReceive(client.getPipeParser().parse(message));
                return ack.getMSA().getAcknowledgmentCode().getValue();
            } finally {
                c.close();
            }
        }
    }

    /** A child JVM running {@link Hl7CrashMain}. */
    private record Child(Process process, int port) {
        static Child start(Path dbDir, Path blobDir, Path portFile, String haltAt) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    Hl7CrashMain.class.getName(), dbDir.toString(), blobDir.toString(), portFile.toString(), haltAt)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(portFile)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("the HL7 child did not start in time");
                }
                Thread.sleep(50);
            }
            return new Child(p, Integer.parseInt(Files.readString(portFile).trim()));
        }

        int exit() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the HL7 child did not halt");
            }
            return process.exitValue();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
