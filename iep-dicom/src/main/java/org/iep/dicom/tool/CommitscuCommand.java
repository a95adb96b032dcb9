package org.iep.dicom.tool;

import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iep.dicom.DicomException;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.NetListener;
import org.iep.dicom.net.dimse.PendingCommitments;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StorageCommitment;

/**
 * {@code commitscu --aet A --called B --host H --port P [--report-port Q [--bind ADDR]] [--timeout S] FILE...}:
 * asks the peer to commit the instances in the files (Storage Commitment Push Model) and prints its answer per
 * instance. Without {@code --report-port} the report is asked for on the requesting association (SCU and SCP
 * roles proposed); with it, on a new association to our SCP listening on that port, where the peer must know us.
 * Exit 0 when every instance is committed, 1 otherwise.
 */
public final class CommitscuCommand implements Command {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String name() {
        return "commitscu";
    }

    @Override
    public String synopsis() {
        return "[--aet A] [--called B] --host H --port P [--report-port Q] [--timeout S] FILE...";
    }

    @Override
    public String summary() {
        return "ask a peer to commit instances (storage commitment)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        EchoscuCommand.NetArgs a = EchoscuCommand.NetArgs.parse(args, Set.of("--report-port", "--bind",
                "--timeout"), err);
        Integer reportPort = a == null ? null : number(a.one("--report-port", "0"), 0, 65535, "--report-port", err);
        Integer timeout = a == null ? null : number(a.one("--timeout", "60"), 1, 3600, "--timeout", err);
        InetAddress bind = a == null ? null : address(a.one("--bind", "0.0.0.0"), err);
        if (a == null || reportPort == null || timeout == null || bind == null || a.files.isEmpty()
                || !a.needsPeer(err)) {
            err.println("usage: commitscu " + synopsis());
            return USAGE;
        }
        Map<String, StorageCommitment.Ref> refs = new LinkedHashMap<>();
        int bad = 0;
        for (String f : a.files) {
            try {
                DimseClient.Prepared p = DimseClient.prepare(Path.of(f));
                refs.putIfAbsent(p.sopInstance(), new StorageCommitment.Ref(p.sopClass(), p.sopInstance()));
            } catch (DicomException e) {
                err.println(f + ": not asked for: " + e.getMessage());
                bad++;
            }
        }
        if (refs.isEmpty()) {
            return INVALID_INPUT;
        }
        StorageCommitment.Request request = new StorageCommitment.Request("2.25." + new BigInteger(127, RANDOM),
                new ArrayList<>(refs.values()));
        PendingCommitments pending = new PendingCommitments(1);
        try (DicomServer reports = reportPort == 0 ? null : listen(a, bind, reportPort, pending);
             DimseClient c = reportPort == 0
                     ? DimseClient.connectForCommitment(a.host, a.port, a.aet, a.called, NetOptions.defaults())
                     : DimseClient.connect(a.host, a.port, a.aet, a.called, List.of(List.of(
                             StorageCommitment.SOP_CLASS, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2")),
                             NetOptions.defaults())) {
            out.println("asked " + a.called + " to commit " + refs.size() + " instance(s), transaction "
                    + request.transactionUid() + (reportPort == 0 ? "" : "; report expected on port " + reportPort));
            StorageCommitment.Result r = c.commit(request, pending, Duration.ofSeconds(timeout));
            for (StorageCommitment.Ref ref : r.committed()) {
                out.println(ref.sopInstanceUid() + ": committed");
            }
            for (StorageCommitment.Failure f : r.failed()) {
                out.println(f.ref().sopInstanceUid() + ": not committed (failure reason " + Status.hex(f.reason())
                        + ")");
            }
            out.println(r.committed().size() + " of " + refs.size() + " committed");
            return bad == 0 && r.failed().isEmpty() ? OK : INVALID_INPUT;
        } catch (DicomException e) {
            err.println("commitscu: " + e.getMessage());
            return INVALID_INPUT;
        }
    }

    private static DicomServer listen(EchoscuCommand.NetArgs a, InetAddress bind, int port,
            PendingCommitments pending) {
        // reports only: the called AE title must be ours, and it is taken only from the peer asked
        return DicomServer.start(new ServerConfig(a.aet, (calling, ip) -> calling.equals(a.called), 4,
                NetOptions.defaults(), null, null, NetListener.NONE).withCommitmentReports(pending), bind, port);
    }

    private static InetAddress address(String value, PrintStream err) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            err.println("bad --bind: " + value);
            return null;
        }
    }

    private static Integer number(String value, int min, int max, String option, PrintStream err) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        err.println("bad " + option + ": " + value + " (" + min + ".." + max + ")");
        return null;
    }
}
