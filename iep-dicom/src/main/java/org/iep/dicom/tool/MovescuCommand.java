package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;

/**
 * {@code movescu ... --dest AE [-L LEVEL] -k KEY=VALUE...}: C-MOVE of the matching instances to another AE title
 * (the peer must know its address). Prints each pending response; exit 0 when every sub-operation succeeded.
 */
public final class MovescuCommand implements Command {

    @Override
    public String name() {
        return "movescu";
    }

    @Override
    public String synopsis() {
        return "--host H --port P --dest AE -k TAG=V...";
    }

    @Override
    public String summary() {
        return "have a peer send matching instances to an AE (C-MOVE)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Set<String> options = new java.util.HashSet<>(QueryKeys.OPTIONS);
        options.add("--dest");
        EchoscuCommand.NetArgs a = EchoscuCommand.NetArgs.parse(args, options, err);
        String dest = a == null ? null : a.one("--dest", null);
        Attributes keys = dest == null || !EchoscuCommand.NetArgs.validAe(dest) || !a.files.isEmpty()
                || !a.needsPeer(err) ? null : QueryKeys.identifier(a, err);
        String model = keys == null ? null : QueryKeys.model(a, "move", err);
        if (model == null) {
            err.println("usage: movescu [--aet A] [--called B] " + synopsis() + " [-L LEVEL] [--root study|patient]");
            return USAGE;
        }
        try (DimseClient c = DimseClient.connect(a.host, a.port, a.aet, a.called,
                List.of(List.of(model, UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian)),
                NetOptions.defaults())) {
            DimseClient.RetrieveResult r = c.moveCancellable(model, dest, keys, p -> {
                out.println("pending: remaining " + p.remaining() + ", completed " + p.completed() + ", failed "
                        + p.failed() + ", warning " + p.warning());
                return true;
            });
            return RetrieveReport.print("movescu", r, out, err);
        } catch (DicomException e) {
            err.println("movescu: " + e.getMessage());
            return INVALID_INPUT;
        }
    }
}
