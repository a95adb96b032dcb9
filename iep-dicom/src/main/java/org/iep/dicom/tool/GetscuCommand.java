package org.iep.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Part10FileStore;

/**
 * {@code getscu ... --dir DIR [-L LEVEL] -k KEY=VALUE...}: C-GET; the instances come back on the same association
 * and are written as Part 10 files under DIR (named by random UUIDs, never by UIDs). Proposes the common storage
 * SOP classes in the uncompressed transfer syntaxes (a peer that cannot convert a compressed instance fails that
 * sub-operation).
 */
public final class GetscuCommand implements Command {
    /** Storage SOP classes proposed with the SCP role: CT, MR, CR, DX, MG, US, SC, NM, PET, XA, RF, RT, SR... */
    static final List<String> STORAGE = List.of("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1",
            "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.1",
            "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.2",
            "1.2.840.10008.5.1.4.1.1.1.2.1", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1",
            "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.7.1", "1.2.840.10008.5.1.4.1.1.7.2",
            "1.2.840.10008.5.1.4.1.1.7.3", "1.2.840.10008.5.1.4.1.1.7.4", "1.2.840.10008.5.1.4.1.1.20",
            "1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.5.1.4.1.1.12.1", "1.2.840.10008.5.1.4.1.1.12.2",
            "1.2.840.10008.5.1.4.1.1.481.1", "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.481.3",
            "1.2.840.10008.5.1.4.1.1.481.5", "1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.22",
            "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.88.59", "1.2.840.10008.5.1.4.1.1.11.1",
            "1.2.840.10008.5.1.4.1.1.104.1", "1.2.840.10008.5.1.4.1.1.77.1.4", "1.2.840.10008.5.1.4.1.1.13.1.3",
            "1.2.840.10008.5.1.4.1.1.66.4");

    @Override
    public String name() {
        return "getscu";
    }

    @Override
    public String synopsis() {
        return "--host H --port P --dir DIR -k TAG=V...";
    }

    @Override
    public String summary() {
        return "retrieve matching instances into DIR (C-GET)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Set<String> options = new java.util.HashSet<>(QueryKeys.OPTIONS);
        options.add("--dir");
        EchoscuCommand.NetArgs a = EchoscuCommand.NetArgs.parse(args, options, err);
        String dir = a == null ? null : a.one("--dir", null);
        Attributes keys = dir == null || !a.files.isEmpty() || !a.needsPeer(err) ? null : QueryKeys.identifier(a, err);
        String model = keys == null ? null : QueryKeys.model(a, "get", err);
        if (model == null) {
            err.println("usage: getscu [--aet A] [--called B] " + synopsis() + " [-L LEVEL] [--root study|patient]");
            return USAGE;
        }
        Path target = Path.of(dir);
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            err.println("getscu: cannot create " + dir + ": " + e.getMessage());
            return INVALID_INPUT;
        }
        try (DimseClient c = DimseClient.connectForGet(a.host, a.port, a.aet, a.called, List.of(model), STORAGE,
                List.of(UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian), NetOptions.defaults())) {
            DimseClient.RetrieveResult r = c.get(model, keys, new Part10FileStore(target), p -> {
                out.println("pending: remaining " + p.remaining() + ", completed " + p.completed() + ", failed "
                        + p.failed() + ", warning " + p.warning());
                return true;
            });
            return RetrieveReport.print("getscu", r, out, err);
        } catch (DicomException e) {
            err.println("getscu: " + e.getMessage());
            return INVALID_INPUT;
        }
    }
}
