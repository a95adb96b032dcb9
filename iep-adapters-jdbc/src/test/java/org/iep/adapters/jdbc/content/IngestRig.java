package org.iep.adapters.jdbc.content;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.JdbcConfig;
import org.iep.adapters.jdbc.access.JdbcAccessStore;
import org.iep.adapters.jdbc.access.JdbcSessionStore;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.adapters.jdbc.directory.JdbcDirectoryStore;
import org.iep.adapters.jdbc.directory.JdbcNodeStore;
import org.iep.adapters.jdbc.directory.JdbcUserStore;
import org.iep.adapters.jdbc.job.JdbcJobQueue;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.Secret;
import org.iep.api.spi.BlobStore;
import org.iep.api.transaction.Party;
import org.iep.core.access.AccessLinks;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.id.IdGenerator;
import org.iep.core.ingest.Checkpoints;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestSource;
import org.iep.core.wiring.IepCore;
import org.iep.core.wiring.Ports;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomWriter;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;

/** The core's ingest on JDBC stores (an H2 file) and a filesystem blob store: what the crash test runs. */
final class IngestRig {
    static final IngestSource SENDER = new IngestSource(new Party.System("crash-test"), new ClientInfo("127.0.0.1"),
            "MODALITY");

    final JdbcTransactionStore transactions;
    final JdbcDirectoryStore directory;
    final JdbcInstanceIndex index;
    final BlobStore blobs;
    final Ingest ingest;

    IngestRig(DataSource ds, Path blobDir, Checkpoints checkpoints) {
        this(ds, blobDir, checkpoints, true);
    }

    /** @param unit whether an instance's index row, counts and audit record are one commit, as deployed */
    IngestRig(DataSource ds, Path blobDir, Checkpoints checkpoints, boolean unit) {
        transactions = new JdbcTransactionStore(ds);
        directory = new JdbcDirectoryStore(ds);
        index = new JdbcInstanceIndex(ds);
        blobs = new FileSystemBlobStore(blobDir);
        JdbcAuditLog audit = new JdbcAuditLog(ds);
        // as a deployment wires it: index row, study counts and audit record in one commit
        org.iep.api.spi.UnitOfWork units = unit ? new org.iep.adapters.jdbc.JdbcUnitOfWork(ds)
                : org.iep.api.spi.UnitOfWork.NONE;
        IepCore core = IepCore.builder()
                .ports(new Ports(transactions, directory, new JdbcUserStore(ds), new JdbcNodeStore(ds),
                        new JdbcAccessStore(ds), new JdbcSessionStore(ds), audit, blobs, new JdbcJobQueue(ds),
                        new RecordingMailSender(), new RecordingSmsSender(), new FixedKeyProvider("crash"), index,
                        new org.iep.adapters.jdbc.report.JdbcReportStore(ds),
                        new org.iep.adapters.jdbc.pseudonym.JdbcPseudonymStore(ds), units))
                .accessLinks(new AccessLinks("https://iep.test")).build();
        ingest = new Ingest(transactions, directory, index, blobs, core.transactions(),
                new Auditor(audit, Clock.systemUTC()), new IdGenerator(new SecureRandom()), Clock.systemUTC(),
                checkpoints, org.iep.core.ingest.StudyArrivals.NONE, java.util.Optional.empty(), units);
    }

    static JdbcConfig h2File(Path dir) {
        return JdbcConfig.of("jdbc:h2:file:" + dir.resolve("iep") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH", "", Secret.of("")).withPoolSize(2);
    }

    /** A CT instance of the fixture patient with 128 KiB of seeded pixel data. */
    static byte[] instance(String sopUid, int seed) {
        Attributes ds = new Attributes();
        ds.setString(Tags.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tags.SOPInstanceUID, VR.UI, sopUid);
        ds.setString(Tags.StudyDate, VR.DA, "20260302");
        ds.setString(Tags.AccessionNumber, VR.SH, "ACC1");
        ds.setString(Tags.Modality, VR.CS, "CT");
        ds.setString(Tags.PatientName, VR.PN, "Jones^Patricia");
        ds.setString(Tags.PatientID, VR.LO, "P0001");
        ds.setString(Tags.PatientBirthDate, VR.DA, "19700131");
        ds.setString(Tags.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.8.498.1");
        ds.setString(Tags.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.8.498.1.1");
        ds.setInt(0x00280002, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(0x00280010, VR.US, 256);
        ds.setInt(0x00280011, VR.US, 256);
        ds.setInt(0x00280100, VR.US, 16);
        ds.setInt(0x00280101, VR.US, 16);
        ds.setInt(0x00280102, VR.US, 15);
        ds.setInt(0x00280103, VR.US, 0);
        byte[] pixels = new byte[256 * 256 * 2];
        new Random(seed).nextBytes(pixels);
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        return new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
