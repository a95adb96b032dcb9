package org.iep.dicom.tool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iep.dicom.DicomException;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;

/**
 * {@code storescu --aet A --called B --host H --port P FILE...}: sends Part 10 files with C-STORE in their own
 * transfer syntax, one association for all. Exit 0 when every file was stored, 1 otherwise.
 */
public final class StorescuCommand implements Command {

    @Override
    public String name() {
        return "storescu";
    }

    @Override
    public String synopsis() {
        return "[--aet A] [--called B] --host H --port P FILE...";
    }

    @Override
    public String summary() {
        return "send DICOM files to a peer with C-STORE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        EchoscuCommand.NetArgs a = EchoscuCommand.NetArgs.parse(args, Set.of(), err);
        if (a == null || a.files.isEmpty() || !a.needsPeer(err)) {
            err.println("usage: storescu " + synopsis());
            return USAGE;
        }
        List<DimseClient.Prepared> files = new ArrayList<>();
        int bad = 0;
        Set<List<String>> contexts = new LinkedHashSet<>();
        for (String f : a.files) {
            try {
                DimseClient.Prepared p = DimseClient.prepare(Path.of(f));
                files.add(p);
                contexts.add(List.of(p.sopClass(), p.transferSyntax().uid()));
            } catch (DicomException e) {
                err.println(f + ": not sent: " + e.getMessage());
                bad++;
            }
        }
        if (files.isEmpty()) {
            return INVALID_INPUT;
        }
        if (contexts.size() > 128) {
            err.println("more than 128 SOP class / transfer syntax combinations; send the files in smaller groups");
            return USAGE;
        }
        try (DimseClient c = DimseClient.connect(a.host, a.port, a.aet, a.called, new ArrayList<>(contexts),
                NetOptions.defaults())) {
            for (DimseClient.Prepared p : files) {
                try {
                    int status = c.store(p);
                    if (Status.isSuccessOrWarning(status)) {
                        out.println(p.file() + ": stored (status " + Status.hex(status) + ")");
                    } else {
                        err.println(p.file() + ": refused with status " + Status.hex(status));
                        bad++;
                    }
                } catch (DicomException e) {
                    if (!c.association().isOpen()) {
                        throw e;
                    }
                    err.println(p.file() + ": not sent: " + e.getMessage());
                    bad++;
                }
            }
        } catch (DicomException e) {
            err.println("storescu: " + e.getMessage());
            return INVALID_INPUT;
        }
        return bad == 0 ? OK : INVALID_INPUT;
    }
}
