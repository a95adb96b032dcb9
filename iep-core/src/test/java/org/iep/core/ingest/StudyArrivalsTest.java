package org.iep.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.iep.core.report.IncomingReport;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.core.testsupport.World;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryReportStore;
import org.junit.jupiter.api.Test;

class StudyArrivalsTest {
    private static final IngestSource PACS = new IngestSource(new Party.System("dicom-scp"),
            new ClientInfo("10.1.2.3"), "STEEPACS");
    private final World world = new World();
    private final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    private final Reports reports = new Reports(new InMemoryReportStore(), world.store, world.blobs, world.auditor,
            world.ids, world.clock, ReportSettings.DEFAULT);
    private final List<String> told = new ArrayList<>();

    private Ingest ingest(StudyArrivals arrivals) {
        return new Ingest(world.store, world.directoryStore, index, world.blobs, world.transactions, world.auditor,
                world.ids, world.clock, Checkpoints.NONE, arrivals);
    }

    @Test
    void theFirstInstanceOfAStudyTellsOnceAndLaterOnesDoNot() {
        Transaction t = world.transfer(Priority.NORMAL);
        Ingest ingest = ingest((tx, study, accession, patient) -> told.add(study + "|" + accession + "|" + patient));

        ingest.ingest(t.id(), new ByteArrayInputStream(TestInstances.ct("1.2.3.1", 1)), PACS);
        ingest.ingest(t.id(), new ByteArrayInputStream(TestInstances.ct("1.2.3.2", 2)), PACS);

        assertThat(told).containsExactly(TestInstances.STUDY + "|ACC001|S123456");
    }

    @Test
    void aReportThatCameBeforeTheImagesIsAttachedWhenTheStudyArrives() {
        // a request lists no study until images are sent in answer
        Transaction t = world.request();
        reports.receive(new IncomingReport("RIS-1", "ACC001", "S123456", "", "report.txt",
                "No acute abnormality.\n".getBytes(StandardCharsets.UTF_8)), new Party.System("hl7"),
                ClientInfo.INTERNAL);
        assertThat(world.store.find(t.id()).orElseThrow().attachments()).as("pending until the images come")
                .isEmpty();
        Ingest ingest = ingest(reports::onStudyArrived);

        ingest.ingest(t.id(), new ByteArrayInputStream(TestInstances.ct("1.2.3.1", 1)), PACS);

        assertThat(world.store.find(t.id()).orElseThrow().attachments()).singleElement()
                .satisfies(a -> assertThat(a.studyInstanceUid()).isEqualTo(TestInstances.STUDY));
    }
}
