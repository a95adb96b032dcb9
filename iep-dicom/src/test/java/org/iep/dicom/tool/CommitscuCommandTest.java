package org.iep.dicom.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iep.dicom.Corpus;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.CommitmentScp;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.NetListener;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.net.dimse.StorageCommitment;
import org.junit.jupiter.api.Test;

/** {@code DicomTool commitscu} against our storage commitment SCP, the report on either association. */
class CommitscuCommandTest {
    private static final String HELD = "CT_small.dcm";
    private static final String NOT_HELD = "MR_small.dcm";

    @Test
    void eachInstanceIsPrintedCommittedOrNotWithItsReasonAndTheExitSaysWhetherAllAre() {
        try (DicomServer archive = archive(Optional.empty())) {
            ToolRun all = ToolRun.of("commitscu", "--called", "ARCHIVE", "--host", "127.0.0.1", "--port",
                    String.valueOf(archive.port()), Corpus.file(HELD).toString());
            assertThat(all.exit()).as(all.err()).isZero();
            assertThat(all.out()).contains(uid(HELD) + ": committed", "1 of 1 committed");

            ToolRun some = ToolRun.of("commitscu", "--called", "ARCHIVE", "--host", "127.0.0.1", "--port",
                    String.valueOf(archive.port()), Corpus.file(HELD).toString(), Corpus.file(NOT_HELD).toString());
            assertThat(some.exit()).isEqualTo(Command.INVALID_INPUT);
            assertThat(some.out()).contains(uid(HELD) + ": committed",
                    uid(NOT_HELD) + ": not committed (failure reason 0x0112)", "1 of 2 committed");
        }
    }

    @Test
    void withAReportPortTheReportComesOnANewAssociationToIt() throws IOException {
        int reportPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            reportPort = s.getLocalPort();
        }
        try (DicomServer archive = archive(Optional.of(new CommitmentScp.Destination("127.0.0.1", reportPort,
                "IEPSCU")))) {
            ToolRun r = ToolRun.of("commitscu", "--called", "ARCHIVE", "--host", "127.0.0.1", "--port",
                    String.valueOf(archive.port()), "--report-port", String.valueOf(reportPort), "--bind",
                    "127.0.0.1", "--timeout", "10", Corpus.file(HELD).toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("report expected on port " + reportPort, uid(HELD) + ": committed");
        }
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThat(ToolRun.of("commitscu", "--host", "127.0.0.1", "--port", "104").exit()).isEqualTo(Command.USAGE);
        assertThat(ToolRun.of("commitscu", "--host", "127.0.0.1", "--port", "104", "--timeout", "0", "x.dcm").exit())
                .isEqualTo(Command.USAGE);
        assertThat(ToolRun.of("commitscu", "--port", "104", "x.dcm").exit()).isEqualTo(Command.USAGE);
        ToolRun unreadable = ToolRun.of("commitscu", "--host", "127.0.0.1", "--port", "104", "no-such-file.dcm");
        assertThat(unreadable.exit()).isEqualTo(Command.INVALID_INPUT);
        assertThat(unreadable.err()).contains("no-such-file.dcm: not asked for");
    }

    /** Holds {@value #HELD} only; reports on a new association to {@code destination} when given. */
    private static DicomServer archive(Optional<CommitmentScp.Destination> destination) {
        String held = uid(HELD);
        CommitmentScp scp = new CommitmentScp((calling, ref) -> ref.sopInstanceUid().equals(held) ? 0
                : StorageCommitment.NO_SUCH_OBJECT_INSTANCE, calling -> destination, NetOptions.defaults());
        return DicomServer.start(new ServerConfig("ARCHIVE", (ae, ip) -> true, 4, NetOptions.defaults(), null, null,
                NetListener.NONE).withCommitment(scp), InetAddress.getLoopbackAddress(), 0);
    }

    private static String uid(String file) {
        return DimseClient.prepare(Corpus.file(file)).sopInstance();
    }
}
