package org.iep.core.pseudonym;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.Outcome;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.pseudonym.PseudonymisationProfile;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.Checkpoints;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.IngestSource;
import org.iep.core.ingest.StudyArrivals;
import org.iep.core.ingest.TestInstances;
import org.iep.core.testsupport.World;
import org.iep.core.transaction.NewTransfer;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PseudonymisationTest {
    private static final IngestSource PACS = new IngestSource(new Party.System("dicom-scp"),
            new ClientInfo("10.1.2.3"), "STEEPACS");
    private static final PseudonymisationProfile RESEARCH = new PseudonymisationProfile("research",
            Set.of("retain_long_modified_dates"), Map.of("00081030", "X"), false);
    private static final PseudonymisationProfile TEACHING = new PseudonymisationProfile("teaching", Set.of(),
            Map.of(), true);
    /** What the test instances say about their patient and study: none of it may be stored. */
    private static final List<String> ORIGINALS = List.of("S123456", "JONES", "19700517", "ACC001",
            TestInstances.STUDY, TestInstances.SERIES, "1.2.3.1", "1.2.3.2", "1.2.3.3");

    private final World w = new World();
    private final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    private final Ingest ingest = new Ingest(w.store, w.directoryStore, index, w.blobs, w.transactions, w.auditor,
            w.ids, w.clock, Checkpoints.NONE, StudyArrivals.NONE, Optional.of(w.pseudonymisation));

    @BeforeEach
    void profiles() {
        Institution s = w.stee;
        InstitutionPolicies p = s.policies();
        w.directoryStore.putInstitution(new Institution(s.id(), s.code(), s.name(), s.contact(), s.zone(),
                s.coreHours(), new InstitutionPolicies(p.retention(), p.packageAvailability(), p.releaseDelay(),
                p.allowMixedPatients(), "", List.of(RESEARCH, TEACHING))));
    }

    private Transaction transfer(String profile) {
        NewTransfer c = w.transferCommand(w.steeStaff, w.stee, w.leic, Priority.NORMAL);
        return w.transactions.createTransfer(new NewTransfer(c.actor(), c.actingFor(), c.patient(), c.recipient(),
                c.studies(), c.priority(), c.message(), c.releaseAfter(), c.source(), profile), World.CLIENT);
    }

    private IngestResult store(Transaction t, byte[] part10) {
        return ingest.ingest(t.id(), new ByteArrayInputStream(part10), PACS);
    }

    private byte[] blob(BlobKey key) throws IOException {
        try (InputStream in = w.blobs.open(key, ByteRange.ALL)) {
            return in.readAllBytes();
        }
    }

    private static byte[] burnedIn(String sop) {
        Attributes ds = DicomReader.read(TestInstances.ct(sop, 9)).dataSet();
        ds.setString(0x00280301, VR.CS, "YES");
        return new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void aPseudonymisedTransferNeverHoldsAnOriginalNeitherInItsImagesNorInItsRecord() throws IOException {
        Transaction t = transfer("research");

        assertThat(t.pseudonymisation()).isEqualTo("research");
        assertThat(t.patient().identifier().id()).startsWith("P").hasSize(12).isNotEqualTo("S123456");
        assertThat(t.patient().familyName()).isEqualTo("ANONYMOUS");
        assertThat(t.patient().nhsNumber()).isEmpty();
        assertThat(t.patient().birthDate().toString()).isEqualTo("1970-01-01");
        assertThat(t.studies()).singleElement().satisfies(s -> {
            assertThat(s.studyInstanceUid()).startsWith("2.25.").isNotEqualTo(World.UID1);
            assertThat(s.accessionNumber()).isEmpty();
            assertThat(s.description()).isEmpty();
        });
        for (int i = 1; i <= 3; i++) {
            assertThat(store(t, TestInstances.ct("S123456", "JONES^MARY", "19700517", World.UID1, "1.2.3." + i, i)))
                    .isInstanceOf(IngestResult.Stored.class);
        }

        List<IndexedInstance> stored = index.byTransaction(t.id());
        assertThat(stored).hasSize(3).allSatisfy(i -> {
            assertThat(i.patientId()).isEqualTo(t.patient().identifier().id());
            assertThat(i.patientName()).isEqualTo("ANONYMOUS^" + t.patient().identifier().id());
            assertThat(i.studyInstanceUid()).as("the study the transaction shows").isEqualTo(
                    t.studies().get(0).studyInstanceUid());
            assertThat(i.accessionNumber()).isEmpty();
        });
        assertThat(w.store.find(t.id()).orElseThrow().studies()).singleElement()
                .satisfies(s -> assertThat(s.receivedInstances()).isEqualTo(3));
        List<BlobKey> blobs = w.blobs.list(BlobKey.of("tx", t.id().value()));
        assertThat(blobs).hasSize(3);
        for (BlobKey k : blobs) {
            String bytes = new String(blob(k), ISO_8859_1);
            for (String original : ORIGINALS) {
                assertThat(bytes).as("blob %s holds no '%s'", k, original).doesNotContain(original);
            }
        }
        assertThat(w.audit.all().stream().map(r -> r.event().patientId()))
                .as("audit records name the pseudonym, never the patient").doesNotContain("S123456");

        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        new org.iep.core.packaging.Packager(index, w.blobs, w.directoryStore).write(w.store.find(t.id())
                .orElseThrow(), org.iep.core.packaging.PackageScope.whole(), Optional.empty(), 0, zip);
        String pack = zip.toString(ISO_8859_1);
        assertThat(pack).as("the download package").contains("DICOMDIR").contains(t.patient().identifier().id());
        for (String original : ORIGINALS) {
            assertThat(pack).as("the package holds no '%s'", original).doesNotContain(original);
        }
    }

    @Test
    void theSameInstanceTwiceIsStoredOnceAsThePseudonymisedBytesAreTheSame() {
        Transaction t = transfer("research");
        byte[] file = TestInstances.ct("1.2.3.1", 1);

        IngestResult first = store(t, file);
        IngestResult again = store(t, file);

        assertThat(again).isInstanceOf(IngestResult.AlreadyStored.class);
        assertThat(again.instance()).isEqualTo(first.instance());
        assertThat(w.blobs.list(BlobKey.of("tx", t.id().value()))).hasSize(1);
    }

    @Test
    void theSamePatientHasTheSamePseudonymInEveryTransferAndYearAndAnotherProfileOrKeyGivesAnother() {
        Transaction a = transfer("research");
        w.clock.advance(java.time.Duration.ofDays(400));
        Transaction b = transfer("research");
        Transaction teaching = transfer("teaching");
        Pseudonymisation restarted = new Pseudonymisation(w.directoryStore, w.pseudonymLinks,
                new FixedKeyProvider("world"), w.access, w.auditor, w.clock);
        Pseudonymisation otherKey = new Pseudonymisation(w.directoryStore, w.pseudonymLinks,
                new FixedKeyProvider("another deployment"), w.access, w.auditor, w.clock);

        String pseudonym = a.patient().identifier().id();
        assertThat(b.patient().identifier().id()).isEqualTo(pseudonym);
        assertThat(b.studies().get(0).studyInstanceUid()).isEqualTo(a.studies().get(0).studyInstanceUid());
        assertThat(restarted.pseudonymousPatient(w.stee.id(), "research", a.patient()).identifier().id())
                .isNotEqualTo(pseudonym); // a.patient() is already a pseudonym: pseudonymising it again differs
        assertThat(teaching.patient().identifier().id()).isNotEqualTo(pseudonym);
        var original = w.transactions.createTransfer(w.transferCommand(w.steeStaff, w.stee, w.leic,
                Priority.NORMAL), World.CLIENT).patient();
        assertThat(restarted.pseudonymousPatient(w.stee.id(), "research", original).identifier().id())
                .isEqualTo(pseudonym);
        assertThat(otherKey.pseudonymousPatient(w.stee.id(), "research", original).identifier().id())
                .isNotEqualTo(pseudonym);
    }

    @Test
    void anInstanceFlaggedBurnedInAnnotationIsRefusedUnlessTheProfileAcceptsIt() {
        Transaction research = transfer("research");
        int audited = w.audit.all().size();

        assertThatThrownBy(() -> store(research, burnedIn("1.2.3.9")))
                .isInstanceOfSatisfying(BurnedInAnnotationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.BURNED_IN_ANNOTATION_REFUSED));

        assertThat(w.blobs.list(BlobKey.of("tx", research.id().value()))).isEmpty();
        assertThat(index.byTransaction(research.id())).isEmpty();
        assertThat(w.pseudonymLinks.find(w.stee.id(), "research", research.patient().identifier().id())).isEmpty();
        assertThat(w.audit.all().subList(audited, w.audit.all().size())).extracting(r -> r.event().outcome())
                .containsExactly(Outcome.DENIED);
        assertThatThrownBy(() -> ingest.preflight(research.id(), Map.of("IMG9.dcm",
                DicomReader.read(burnedIn("1.2.3.9"))), PACS)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("IMG9.dcm"));

        Transaction teaching = transfer("teaching");
        assertThat(store(teaching, burnedIn("1.2.3.9"))).isInstanceOf(IngestResult.Stored.class);
    }

    @Test
    void reidentificationAnswersTheInstitutionsAdministratorsOnlyAndEveryAttemptIsAudited() {
        Transaction t = transfer("research");
        store(t, TestInstances.ct("1.2.3.1", 1));
        String pseudonym = t.patient().identifier().id();
        int audited = w.audit.all().size();

        PseudonymLink link = w.pseudonymisation.reidentify(w.steeAdmin, "research", pseudonym, World.CLIENT);
        assertThat(link.patientId()).isEqualTo("S123456");
        assertThat(link.patientName()).isEqualTo("JONES^MARY");
        assertThat(link.birthDate()).isEqualTo("19700517");
        assertThatThrownBy(() -> w.pseudonymisation.reidentify(w.steeStaff, "research", pseudonym, World.CLIENT))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ROLE_NOT_ALLOWED));
        assertThatThrownBy(() -> w.pseudonymisation.reidentify(w.leicAdmin, "research", pseudonym, World.CLIENT))
                .as("another institution's administrator finds nothing").isInstanceOf(NotFoundException.class);

        List<AuditEvent> events = w.audit.all().subList(audited, w.audit.all().size()).stream()
                .map(r -> r.event()).toList();
        assertThat(events).extracting(AuditEvent::action).containsOnly("pseudonym.reidentify");
        assertThat(events).extracting(AuditEvent::outcome).containsExactly(Outcome.SUCCESS, Outcome.DENIED,
                Outcome.FAILURE);
        assertThat(events).allSatisfy(e -> assertThat(e.detail()).contains(pseudonym).doesNotContain("S123456")
                .doesNotContain("JONES"));
    }

    @Test
    void documentsAndReportsNeverJoinAPseudonymisedTransferButItsImagesDo() {
        Transaction t = transfer("research");
        org.iep.core.upload.Uploads uploads = new org.iep.core.upload.Uploads(w.store, w.blobs, ingest, w.auditor,
                w.ids, w.clock, org.iep.core.upload.UploadLimits.DEFAULTS, w.directoryStore, w.notifier);
        String refused = uploads.open(t.id(), PACS);
        uploads.append(t.id(), refused, "IM0001", 0, new ByteArrayInputStream(TestInstances.ct("1.2.3.1", 1)));
        uploads.append(t.id(), refused, "letter.pdf", 0, new ByteArrayInputStream(
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(ISO_8859_1)));

        assertThatThrownBy(() -> uploads.confirm(t.id(), refused, PACS, b -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("letter.pdf"));
        assertThat(index.byTransaction(t.id())).isEmpty();

        String images = uploads.open(t.id(), PACS);
        uploads.append(t.id(), images, "IM0001", 0, new ByteArrayInputStream(TestInstances.ct("1.2.3.1", 1)));
        assertThat(uploads.confirm(t.id(), images, PACS, b -> { }).instancesStored()).isEqualTo(1);
        assertThat(index.byTransaction(t.id())).singleElement()
                .satisfies(i -> assertThat(i.patientId()).isEqualTo(t.patient().identifier().id()));

        org.iep.core.report.Reports reports = new org.iep.core.report.Reports(
                new org.iep.testkit.memory.InMemoryReportStore(), w.store, w.blobs, w.auditor, w.ids, w.clock,
                org.iep.core.report.ReportSettings.DEFAULT);
        assertThatThrownBy(() -> reports.attachToStudy(t.id(), t.studies().get(0).studyInstanceUid(), "paste-1",
                "report.txt", "JONES, Mary: normal.".getBytes(ISO_8859_1), new Party.System("ris"),
                World.CLIENT)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("transaction"));
        assertThat(w.store.find(t.id()).orElseThrow().attachments()).isEmpty();
    }

    @Test
    void theInstitutionsDefaultAppliesUnlessTheSenderOptsOutAndAnUnknownProfileIsRefused() {
        Institution s = w.directoryStore.institution(w.stee.id()).orElseThrow();
        InstitutionPolicies p = s.policies();
        w.directoryStore.putInstitution(new Institution(s.id(), s.code(), s.name(), s.contact(), s.zone(),
                s.coreHours(), new InstitutionPolicies(p.retention(), p.packageAvailability(), p.releaseDelay(),
                p.allowMixedPatients(), "research", p.pseudonymisationProfiles())));

        assertThat(transfer("").pseudonymisation()).isEqualTo("research");
        assertThat(transfer(NewTransfer.NO_PSEUDONYMISATION)).satisfies(t -> {
            assertThat(t.pseudonymisation()).isEmpty();
            assertThat(t.patient().identifier().id()).isEqualTo("S123456");
        });
        assertThatThrownBy(() -> transfer("marketing")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("pseudonymisation"));
    }
}
