package org.iep.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.Problem;
import org.iep.core.ingest.PatientMismatchException;
import org.iep.core.ingest.PatientSeen;
import org.iep.core.ingest.TestInstances;
import org.junit.jupiter.api.Test;

class UploadsTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private final UploadFixture f = new UploadFixture();

    @Test
    void aFileSentInChunksResumesWhereItStoppedAndIsStoredOnConfirmation() {
        String s = f.open();
        byte[] ct = TestInstances.ct("1.2.3.1", 1);
        int half = ct.length / 2;
        assertThat(f.uploads.append(f.tx.id(), s, "IM0001", 0, new ByteArrayInputStream(ct, 0, half)))
                .isEqualTo(half);
        // the client lost its connection and asks where to resume
        assertThat(f.uploads.progress(f.tx.id(), s)).containsExactly(new FileProgress("IM0001", half));
        assertThatThrownBy(() -> f.uploads.append(f.tx.id(), s, "IM0001", 0, new ByteArrayInputStream(ct)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CoreErrorCode.UPLOAD_OFFSET_MISMATCH);
                    assertThat(e.getMessage()).contains("send from byte " + half);
                });
        assertThat(f.uploads.append(f.tx.id(), s, "IM0001", half,
                new ByteArrayInputStream(ct, half, ct.length - half))).isEqualTo(ct.length);
        f.send(s, "report.pdf", PDF);
        List<Long> progress = new ArrayList<>();

        UploadReceipt r = f.uploads.confirm(f.tx.id(), s, UploadFixture.PATIENT, progress::add);

        assertThat(r.instancesStored()).isEqualTo(1);
        assertThat(r.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("report.pdf");
            assertThat(a.mediaType()).isEqualTo("application/pdf");
            assertThat(a.size()).isEqualTo(PDF.length);
        });
        assertThat(progress).last().isEqualTo((long) ct.length + PDF.length);
        assertThat(f.index.byTransaction(f.tx.id())).hasSize(1);
        assertThat(f.world.store.find(f.tx.id()).orElseThrow().attachments()).hasSize(1);
        assertThat(f.world.blobs.list(org.iep.core.ingest.Ingest.TRANSACTIONS))
                .noneMatch(k -> k.value().contains("/uploads/"));
        assertThatThrownBy(() -> f.confirm(s)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.UPLOAD_UNKNOWN));
    }

    @Test
    void aMessageWithTheUploadJoinsTheThreadUnderTheUploadersNameOnlyWhenTheUploadIsKept() {
        org.iep.core.ingest.IngestSource patricia = new org.iep.core.ingest.IngestSource(
                new org.iep.api.transaction.Party.Individual(new org.iep.api.access.GrantId("g-1"), "Patricia Jones"),
                org.iep.core.audit.ClientInfo.INTERNAL, "");
        int before = f.world.store.find(f.tx.id()).orElseThrow().messages().size();
        String refused = f.uploads.open(f.tx.id(), patricia);
        f.send(refused, "letter.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> f.uploads.confirm(f.tx.id(), refused, patricia, b -> { }, "Here they are"))
                .isInstanceOf(UploadRefusedException.class);
        assertThat(f.world.store.find(f.tx.id()).orElseThrow().messages()).hasSize(before);
        assertThatThrownBy(() -> f.uploads.confirm(f.tx.id(), refused, patricia, b -> { },
                "x".repeat(Uploads.MAX_MESSAGE + 1))).isInstanceOfSatisfying(
                        org.iep.api.InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("message"));

        String s = f.uploads.open(f.tx.id(), patricia);
        f.send(s, "IM0001", TestInstances.ct("1.2.3.1", 1));
        f.uploads.confirm(f.tx.id(), s, patricia, b -> { }, "  The scan from March, as you asked.  ");

        assertThat(f.world.store.find(f.tx.id()).orElseThrow().messages()).hasSize(before + 1).last()
                .satisfies(m -> {
                    assertThat(m.text()).isEqualTo("The scan from March, as you asked.");
                    assertThat(m.authorName()).isEqualTo("Patricia Jones");
                    assertThat(m.author()).isEqualTo(patricia.by());
                });
    }

    @Test
    void aZipOfACdIsExpandedItsDicomdirIgnoredAndItsReportAttached() {
        String s = f.open();
        byte[] zip = new Zips().add("DICOM/ST000001/SE000001/IM000001", TestInstances.ct("1.2.3.1", 1))
                .add("DICOM/ST000001/SE000001/IM000002", TestInstances.ct("1.2.3.2", 2))
                .add("DICOMDIR", dicomdir()).add("REPORTS/letter.pdf", PDF).add("README.TXT",
                        "Open with any DICOM viewer.\n".getBytes(StandardCharsets.UTF_8)).bytes();
        f.send(s, "cd.zip", zip);

        UploadReceipt r = f.confirm(s);

        assertThat(r.instancesStored()).isEqualTo(2);
        assertThat(r.ignored()).containsExactly("DICOMDIR");
        assertThat(r.attachments()).extracting(a -> a.fileName()).containsExactly("letter.pdf", "README.TXT");
        assertThat(f.world.store.find(f.tx.id()).orElseThrow().studies().get(0).receivedInstances()).isEqualTo(2);
    }

    @Test
    void theIndividualGetsAReceiptNamingTheHospitalAndTrackingNumber() {
        String s = f.open();
        f.send(s, "a.dcm", TestInstances.ct("1.2.3.1", 1));
        f.confirm(s);
        var who = new org.iep.api.recipient.IndividualRecipient("mary@example.org", "Jones", "Mary",
                org.iep.api.recipient.PostalAddress.NONE, "", "mary.codes@example.org", java.util.Locale.UK,
                org.iep.api.recipient.PasscodeChannel.EMAIL);

        f.uploads.sendReceipt(f.tx.id(), s, who);

        assertThat(f.world.notifier.sent()).filteredOn(n -> n.kind() == org.iep.core.notify.NotificationKind.UPLOADED)
                .singleElement().satisfies(n -> {
                    assertThat(n.to().address()).isEqualTo("mary@example.org");
                    assertThat(n.values()).containsEntry("tracking", f.tx.tracking().value())
                            .containsEntry("recipientName", "Mary Jones").containsKey("institution");
                    assertThat(n.values().get("institution")).isNotBlank();
                });
    }

    @Test
    void uploadingTheSameFilesAgainStoresNothingTwice() {
        byte[] ct = TestInstances.ct("1.2.3.1", 1);
        String first = f.open();
        f.send(first, "a.dcm", ct);
        f.confirm(first);
        String second = f.open();
        f.send(second, "a-again.dcm", ct);

        UploadReceipt r = f.confirm(second);

        assertThat(r.instancesStored()).isZero();
        assertThat(r.instancesAlreadyStored()).isEqualTo(1);
        assertThat(f.index.byTransaction(f.tx.id())).hasSize(1);
    }

    @Test
    void aMixedPatientUploadIsRefusedNamingBothPatientsAndStoresNothing() {
        String s = f.open();
        f.send(s, "mary.dcm", TestInstances.ct("1.2.3.1", 1));
        f.send(s, "john.dcm", TestInstances.ct("X999", "SMITH^JOHN", "19800101", TestInstances.STUDY, "1.2.3.2",
                2));

        assertThatThrownBy(() -> f.confirm(s)).isInstanceOfSatisfying(PatientMismatchException.class, e ->
                assertThat(e.patients()).containsExactlyInAnyOrder(
                        new PatientSeen("S123456", "JONES^MARY", "19700517"),
                        new PatientSeen("X999", "SMITH^JOHN", "19800101")));

        assertThat(f.storedBlobs()).isEmpty();
        assertThat(f.index.byTransaction(f.tx.id())).isEmpty();
        // the person removes the wrong file and confirms again
        assertThat(f.uploads.remove(f.tx.id(), s, "john.dcm")).isTrue();
        assertThat(f.confirm(s).instancesStored()).isEqualTo(1);
    }

    @Test
    void oneRefusedFileRefusesTheWholeUploadListingEveryReason() {
        String s = f.open();
        f.send(s, "good.dcm", TestInstances.ct("1.2.3.1", 1));
        f.send(s, "setup.exe", new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        f.send(s, "scan.png", PDF);

        assertThatThrownBy(() -> f.confirm(s)).isInstanceOfSatisfying(UploadRefusedException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(CoreErrorCode.UPLOAD_REFUSED);
            assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("setup.exe", "scan.png");
            assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("program"))
                    .anySatisfy(m -> assertThat(m).contains("the name says PNG but the content is PDF"));
        });
        assertThat(f.storedBlobs()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItArrives() {
        UploadFixture small = new UploadFixture(new UploadLimits(1000, 1000, 10, 10_000, 100, 10));
        String s = small.open();
        byte[] big = new byte[1500];
        Arrays.fill(big, (byte) 'a');

        assertThatThrownBy(() -> small.send(s, "big.txt", big)).isInstanceOf(IepException.class)
                .hasMessageContaining("larger than the accepted size");
        assertThat(small.uploads.progress(small.tx.id(), s)).extracting(FileProgress::receivedBytes)
                .containsOnly(0L);
    }

    @Test
    void sessionsAreBoundToTheirTransactionAndUnguessable() {
        String s = f.open();
        var other = f.world.transfer(org.iep.api.transaction.Priority.NORMAL);

        assertThat(s).hasSizeGreaterThanOrEqualTo(16);
        assertThatThrownBy(() -> f.uploads.append(other.id(), s, "a.dcm", 0, new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.UPLOAD_UNKNOWN));
        assertThatThrownBy(() -> f.uploads.progress(f.tx.id(), "../../x")).isInstanceOf(ConflictException.class);
    }

    /** A minimal Part 10 file with the Media Storage Directory SOP Class, as a CD's DICOMDIR has. */
    static byte[] dicomdir() {
        var meta = new org.iep.dicom.data.Attributes();
        meta.setString(0x00020002, org.iep.dicom.data.VR.UI, "1.2.840.10008.1.3.10");
        meta.setString(0x00020003, org.iep.dicom.data.VR.UI, "1.2.3.99");
        var ds = new org.iep.dicom.data.Attributes();
        ds.setString(0x00041130, org.iep.dicom.data.VR.CS, "CD");
        var out = new java.io.ByteArrayOutputStream();
        new org.iep.dicom.io.DicomWriter().write(out, meta, ds,
                org.iep.dicom.dict.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out.toByteArray();
    }
}
