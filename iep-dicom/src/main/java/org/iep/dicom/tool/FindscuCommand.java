package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.List;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;

/**
 * {@code findscu --aet A --called B --host H --port P [-L LEVEL] [--root study|patient] -k KEY=VALUE...}: C-FIND,
 * printing each match like dcmdump. Exit 0 when the query ended with success.
 */
public final class FindscuCommand implements Command {

    @Override
    public String name() {
        return "findscu";
    }

    @Override
    public String synopsis() {
        return "--host H --port P [-L LEVEL] -k TAG=V...";
    }

    @Override
    public String summary() {
        return "query a peer with C-FIND (study or patient root)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        EchoscuCommand.NetArgs a = EchoscuCommand.NetArgs.parse(args, QueryKeys.OPTIONS, err);
        Attributes keys = a == null || !a.files.isEmpty() || !a.needsPeer(err) ? null : QueryKeys.identifier(a, err);
        String model = keys == null ? null : QueryKeys.model(a, "find", err);
        if (model == null) {
            err.println("usage: findscu [--aet A] [--called B] " + synopsis() + " [--root study|patient]");
            return USAGE;
        }
        DumpFormatter dump = new DumpFormatter(DumpFormatter.Strings.DECODED, 256);
        int[] n = {0};
        try (DimseClient c = DimseClient.connect(a.host, a.port, a.aet, a.called,
                List.of(List.of(model, org.iep.dicom.dict.UIDs.ExplicitVRLittleEndian,
                        org.iep.dicom.dict.UIDs.ImplicitVRLittleEndian)), NetOptions.defaults())) {
            int status = c.find(model, keys, m -> {
                StringBuilder sb = new StringBuilder("# match ").append(++n[0]).append('\n');
                dump.appendDataSet(sb, m, 0);
                out.print(sb);
                return true;
            });
            out.println(n[0] + " matches, status " + Status.hex(status));
            return status == Status.SUCCESS ? OK : INVALID_INPUT;
        } catch (DicomException e) {
            err.println("findscu: " + e.getMessage());
            return INVALID_INPUT;
        }
    }
}
