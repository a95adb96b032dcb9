package org.iep.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.report.StoredReport;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.patient.PatientIdentifier;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.id.IdGenerator;
import org.iep.testkit.TestClock;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.junit.jupiter.api.Test;

class ReportsTest {
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final Party RIS = new Party.System("hl7");
    static final ClientInfo FROM = new ClientInfo("127.0.0.1");

    final TestClock clock = TestClock.create();
    final InMemoryReportStore reportStore = new InMemoryReportStore();
    final InMemoryTransactionStore txStore = new InMemoryTransactionStore();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final Reports reports = new Reports(reportStore, txStore, blobs, new Auditor(audit, clock),
            new IdGenerator(new SecureRandom()), clock, new ReportSettings(1024 * 1024, Duration.ofDays(15)));

    Transaction store(Transaction t) {
        return txStore.commit(TransactionChanges.insert(t)).get(0);
    }

    IncomingReport pdf(String key, int n) {
        return new IncomingReport(key, "ACC" + n, "P0001", "STEE", "CT head.pdf", PDF);
    }

    @Test
    void aPdfReportIsTypedStoredAndAttachedToTheStudy() throws IOException {
        store(Transactions.transfer(1).build());

        ReportReceipt r = reports.receive(pdf("RIS|STEE|1", 1), RIS, FROM);

        assertThat(r.duplicate()).isFalse();
        assertThat(r.attachedTo()).containsExactly(new TransactionId("tx-1"));
        Transaction t = txStore.find(new TransactionId("tx-1")).orElseThrow();
        assertThat(t.attachments()).hasSize(1);
        Attachment a = t.attachments().get(0);
        assertThat(a.mediaType()).isEqualTo("application/pdf");
        assertThat(a.studyInstanceUid()).isEqualTo(Transactions.study(1).studyInstanceUid());
        assertThat(a.size()).isEqualTo(PDF.length);
        assertThat(a.sha256()).isEqualTo(r.report().sha256()).hasSize(64);
        assertThat(a.fileName()).isEqualTo("CT head.pdf");
        BlobKey copy = BlobKey.of("tx", "tx-1", "attachments", a.id().value());
        try (InputStream in = blobs.open(copy, ByteRange.ALL)) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(audit.all().stream().map(x -> x.event().action()))
                .contains("report.received", "report.attached");
    }

    @Test
    void aPastedTextReportIsKeptAsUtf8Text() throws IOException {
        store(Transactions.transfer(2).build());
        String text = "CT head: no acute haemorrhage.\nÉvaluation — normal ✓";

        ReportReceipt r = reports.receive(IncomingReport.text("paste-1", "ACC2", "P0001", "", text), RIS, FROM);

        Attachment a = txStore.find(new TransactionId("tx-2")).orElseThrow().attachments().get(0);
        assertThat(a.mediaType()).isEqualTo("text/plain");
        assertThat(a.fileName()).isEqualTo("report.txt");
        try (InputStream in = reports.open(r.report())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void theSameMessageKeyIsStoredOnce() {
        store(Transactions.transfer(1).build());

        reports.receive(pdf("RIS|STEE|1", 1), RIS, FROM);
        ReportReceipt again = reports.receive(pdf("RIS|STEE|1", 1), RIS, FROM);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.attachedTo()).isEmpty();
        assertThat(reportStore.byOrder("ACC1", "P0001")).hasSize(1);
        assertThat(txStore.find(new TransactionId("tx-1")).orElseThrow().attachments()).hasSize(1);
        assertThat(blobs.list(BlobKey.of("reports"))).hasSize(1);
    }

    @Test
    void aResendCompletesAnAttachmentACrashInterrupted() {
        // The report was stored but the process died before attaching: the record exists, the transaction has none.
        reports.receive(pdf("RIS|STEE|1", 1), RIS, FROM);
        store(Transactions.transfer(1).build());
        assertThat(txStore.find(new TransactionId("tx-1")).orElseThrow().attachments()).isEmpty();

        ReportReceipt resent = reports.receive(pdf("RIS|STEE|1", 1), RIS, FROM);

        assertThat(resent.duplicate()).isTrue();
        assertThat(resent.attachedTo()).containsExactly(new TransactionId("tx-1"));
    }

    @Test
    void aReportBeforeItsStudyIsPendingAndAttachedWhenTheStudyArrives() {
        ReportReceipt r = reports.receive(pdf("k", 3), RIS, FROM);
        assertThat(r.attachedTo()).as("pending").isEmpty();
        assertThat(reports.kept("ACC3", "P0001")).containsExactly(r.report());

        store(Transactions.transfer(3).build());
        var attached = reports.onStudyArrived(new TransactionId("tx-3"), Transactions.study(3).studyInstanceUid(),
                "ACC3", "P0001");

        assertThat(attached).containsExactly(r.report().id());
        assertThat(txStore.find(new TransactionId("tx-3")).orElseThrow().attachments()).hasSize(1);
        assertThat(reports.onStudyArrived(new TransactionId("tx-3"), Transactions.study(3).studyInstanceUid(),
                "ACC3", "P0001")).as("idempotent").isEmpty();
    }

    @Test
    void aReportIsAttachedToEveryTransactionHoldingTheStudyIncludingLaterOnes() {
        store(Transactions.transfer(4).build());
        Transaction second = Transactions.transfer(40).studies(List.of(Transactions.study(4))).build();
        store(second);

        ReportReceipt r = reports.receive(pdf("k", 4), RIS, FROM);
        assertThat(r.attachedTo()).containsExactlyInAnyOrder(new TransactionId("tx-4"), new TransactionId("tx-40"));

        store(Transactions.transfer(41).studies(List.of(Transactions.study(4))).build());
        assertThat(reports.onStudyArrived(new TransactionId("tx-41"), Transactions.study(4).studyInstanceUid(),
                "ACC4", "P0001")).containsExactly(r.report().id());
    }

    @Test
    void matchingNeedsAccessionAndPatientAndAgreeingIssuers() {
        store(Transactions.transfer(5).build());

        assertThat(reports.receive(new IncomingReport("a", "ACC5", "P9999", "", "r", PDF), RIS, FROM).attachedTo())
                .as("other patient").isEmpty();
        assertThat(reports.receive(new IncomingReport("b", "ACC6", "P0001", "", "r", PDF), RIS, FROM).attachedTo())
                .as("other accession").isEmpty();
        assertThat(reports.receive(new IncomingReport("c", "ACC5", "P0001", "OTHER", "r", PDF), RIS, FROM)
                .attachedTo()).as("other issuer").isEmpty();
        assertThat(reports.receive(new IncomingReport("d", "ACC5", "P0001", "", "r", PDF), RIS, FROM).attachedTo())
                .as("no issuer given").containsExactly(new TransactionId("tx-5"));

        Transaction noIssuer = Transactions.transfer(7).patient(new org.iep.api.patient.Patient(
                new PatientIdentifier("P0001", ""), "Jones", "Patricia", Fixtures.PATIENT.birthDate(),
                Fixtures.PATIENT.sex(), Fixtures.PATIENT.nhsNumber(), Fixtures.PATIENT.address(), "")).build();
        store(noIssuer);
        assertThat(reports.receive(new IncomingReport("e", "ACC7", "P0001", "ANY", "r", PDF), RIS, FROM)
                .attachedTo()).as("transaction without issuer").containsExactly(new TransactionId("tx-7"));
    }

    @Test
    void aPurgedTransactionGetsNothing() {
        store(Transactions.transfer(8).status(TransactionStatus.PURGED).build());
        assertThat(reports.receive(pdf("k", 8), RIS, FROM).attachedTo()).isEmpty();
    }

    @Test
    void refusedContentChangesNothing() {
        store(Transactions.transfer(1).build());
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] appended = (new String(PDF, StandardCharsets.ISO_8859_1) + "PK\u0003\u0004zip")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] polyglot = (new String(PDF, StandardCharsets.ISO_8859_1).replace("trailer",
                "PK\u0005\u0006\u0000\u0000 trailer")).getBytes(StandardCharsets.ISO_8859_1);

        byte[] nul = "text\u0000nul".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(exe, appended, polyglot, new byte[0], nul, new byte[] {(byte) 0xC3, 0x28})) {
            assertThatThrownBy(() -> reports.receive(new IncomingReport("k", "ACC1", "P0001", "", "r.pdf", bad), RIS,
                    FROM)).isInstanceOfSatisfying(RefusedReportException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.REPORT_TYPE_NOT_ALLOWED));
        }
        assertThatThrownBy(() -> reports.receive(new IncomingReport("k", "ACC1", "P0001", "", "r",
                "x".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII)), RIS, FROM))
                .isInstanceOfSatisfying(RefusedReportException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.REPORT_TOO_LARGE));
        assertThatThrownBy(() -> reports.receive(new IncomingReport("k", "", " ", "", "r", PDF), RIS, FROM))
                .isInstanceOfSatisfying(RefusedReportException.class,
                        e -> assertThat(e.problems()).hasSize(2));

        assertThat(reportStore.findByMessageKey("k")).isEmpty();
        assertThat(blobs.list(BlobKey.of("reports"))).isEmpty();
        assertThat(txStore.find(new TransactionId("tx-1")).orElseThrow().attachments()).isEmpty();
    }

    @Test
    void unsafeFileNamesAreReplaced() {
        store(Transactions.transfer(1).build());
        reports.receive(new IncomingReport("k", "ACC1", "P0001", "", "../../etc/passwd", PDF), RIS, FROM);
        assertThat(txStore.find(new TransactionId("tx-1")).orElseThrow().attachments().get(0).fileName())
                .isEqualTo("report.pdf");
    }

    @Test
    void pendingReportsArePurgedWhenTheirRetentionEnds() {
        StoredReport pending = reports.receive(pdf("k", 9), RIS, FROM).report();
        reports.keepRejected("hl7:127.0.0.1", "parse error", "MSH|garbage");

        clock.advance(Duration.ofDays(15).minusSeconds(1));
        assertThat(reports.purgeExpired(clock)).isZero();
        assertThat(reportStore.find(pending.id())).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(reports.purgeExpired(clock)).isEqualTo(1);
        assertThat(reportStore.find(pending.id())).isEmpty();
        assertThat(blobs.stat(pending.blob())).isEmpty();
        assertThat(reportStore.rejected(10)).as("rejected messages go after the same time").isEmpty();

        store(Transactions.transfer(9).build());
        assertThat(reports.onStudyArrived(new TransactionId("tx-9"), Transactions.study(9).studyInstanceUid(),
                "ACC9", "P0001")).isEmpty();
    }

    @Test
    void attachingSurvivesAConcurrentUpdateOfTheTransaction() {
        Transaction t = store(Transactions.transfer(1).build());
        // Someone else updates the transaction between our read and our commit: the store bumps the version.
        txStore.commit(TransactionChanges.update(t.toBuilder().statusReason("ingest").build()));

        assertThat(reports.receive(pdf("k", 1), RIS, FROM).attachedTo()).hasSize(1);
        Transaction after = txStore.find(t.id()).orElseThrow();
        assertThat(after.statusReason()).isEqualTo("ingest");
        assertThat(after.attachments()).hasSize(1);
    }

    @Test
    void keptRejectedMessagesAreAuditedWithoutTheirContent() {
        reports.keepRejected("hl7:127.0.0.1", "unknown message type", "MSH|^~\\&|...|PID|||SECRET-PATIENT");
        assertThat(reportStore.rejected(10)).singleElement()
                .satisfies(m -> assertThat(m.raw()).contains("SECRET-PATIENT"));
        assertThat(audit.all()).allSatisfy(
                rec -> assertThat(rec.event().detail()).doesNotContain("SECRET-PATIENT"));
    }

    @Test
    void aUserPastesATextReportOntoAStudyAndOtherTransactionsHoldingItGetItToo() throws IOException {
        Transaction t = store(Transactions.transfer(1).build());
        store(Transactions.transfer(10).studies(List.of(Transactions.study(1))).build());
        Party staff = new Party.Staff(Fixtures.STEE.id(), Fixtures.STEE_STAFF.id());
        byte[] text = "Pasted: normal.".getBytes(StandardCharsets.UTF_8);

        ReportReceipt r = reports.attachToStudy(t.id(), Transactions.study(1).studyInstanceUid(), "paste-1",
                "report.txt", text, staff, FROM);
        ReportReceipt again = reports.attachToStudy(t.id(), Transactions.study(1).studyInstanceUid(), "paste-1",
                "report.txt", text, staff, FROM);

        assertThat(r.attachedTo()).containsExactly(t.id(), new TransactionId("tx-10"));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.attachedTo()).isEmpty();
        assertThat(r.report().mediaType()).isEqualTo("text/plain");
        assertThat(r.report().accessionNumber()).isEqualTo("ACC1");
        assertThat(r.report().patientIssuer()).isEqualTo("STEE");
        assertThat(txStore.find(t.id()).orElseThrow().attachments()).hasSize(1);
    }

    @Test
    void aStudyWithoutAccessionGetsAReportOnlyWhereItWasPut() {
        StudyEntry noAccession = StudyEntry.pending("1.2.3.4", "", "CT");
        Transaction a = store(Transactions.transfer(11).studies(List.of(noAccession)).build());
        Transaction b = store(Transactions.transfer(12).studies(List.of(noAccession)).build());

        ReportReceipt r = reports.attachToStudy(a.id(), "1.2.3.4", "k", "r.pdf", PDF, RIS, FROM);

        assertThat(r.attachedTo()).containsExactly(a.id());
        assertThat(txStore.find(b.id()).orElseThrow().attachments()).isEmpty();
        assertThat(reports.onStudyArrived(b.id(), "1.2.3.4", "", "P0001")).isEmpty();
    }

    @Test
    void attachingToAnUnknownTransactionOrStudyIsRefused() {
        Transaction t = store(Transactions.transfer(1).build());
        assertThatThrownBy(() -> reports.attachToStudy(new TransactionId("tx-none"), "1.2", "k", "r", PDF, RIS,
                FROM)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.attachToStudy(t.id(), "9.9.9", "k", "r", PDF, RIS, FROM))
                .isInstanceOfSatisfying(RefusedReportException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.INVALID_INPUT));
        assertThat(reportStore.findByMessageKey("k")).isEmpty();
    }

    @Test
    void orphanContentFromACrashBeforeTheRecordIsCollectedOnceItsHourIsWellPast() throws IOException {
        StoredReport kept = reports.receive(pdf("k", 1), RIS, FROM).report();
        // What a crash between writing the content and inserting the record leaves behind:
        BlobKey orphan = BlobKey.of("reports", kept.blob().value().split("/")[1], "0123456789abcdef");
        blobs.put(orphan, new java.io.ByteArrayInputStream(PDF));

        assertThat(reports.collectOrphans(clock)).as("the hour is not over: maybe being written").isZero();
        clock.advance(Duration.ofHours(3));
        assertThat(reports.collectOrphans(clock)).isEqualTo(1);
        assertThat(blobs.stat(orphan)).isEmpty();
        assertThat(blobs.stat(kept.blob())).isPresent();
    }
}
