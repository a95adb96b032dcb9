package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iep.dicom.DicomException;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;

/** {@code echoscu --aet A --called B --host H --port P}: C-ECHO, like dcmtk's echoscu. */
public final class EchoscuCommand implements Command {

    @Override
    public String name() {
        return "echoscu";
    }

    @Override
    public String synopsis() {
        return "[--aet A] [--called B] --host H --port P";
    }

    @Override
    public String summary() {
        return "verify a DICOM peer with C-ECHO";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        NetArgs a = NetArgs.parse(args, Set.of(), err);
        if (a == null || !a.files.isEmpty() || !a.needsPeer(err)) {
            err.println("usage: echoscu " + synopsis());
            return USAGE;
        }
        try (DimseClient c = DimseClient.connect(a.host, a.port, a.aet, a.called,
                List.of(List.of(UIDs.Verification, UIDs.ImplicitVRLittleEndian)), NetOptions.defaults())) {
            int status = c.echo();
            if (status != Status.SUCCESS) {
                err.println("C-ECHO failed with status " + Status.hex(status));
                return INVALID_INPUT;
            }
            out.println("C-ECHO to " + a.called + " at " + a.host + ":" + a.port + ": success");
            return OK;
        } catch (DicomException e) {
            err.println("echoscu: " + e.getMessage());
            return INVALID_INPUT;
        }
    }

    /** Common options of the network commands; values after the options are files (or nothing). */
    static final class NetArgs {
        String aet = "IEPSCU";
        String called = "ANY-SCP";
        String host;
        int port = -1;
        final Map<String, List<String>> extra = new HashMap<>();
        final List<String> files = new ArrayList<>();

        /** Parses; prints the problem and returns null on a bad command line. */
        static NetArgs parse(List<String> args, Set<String> valueOptions, PrintStream err) {
            NetArgs a = new NetArgs();
            for (int i = 0; i < args.size(); i++) {
                String s = args.get(i);
                boolean known = Set.of("--aet", "--called", "--host", "--port").contains(s) || valueOptions.contains(s);
                if (known) {
                    if (i + 1 >= args.size()) {
                        err.println("missing value for " + s);
                        return null;
                    }
                    String v = args.get(++i);
                    switch (s) {
                        case "--aet" -> a.aet = v;
                        case "--called" -> a.called = v;
                        case "--host" -> a.host = v;
                        case "--port" -> {
                            try {
                                a.port = Integer.parseInt(v);
                            } catch (NumberFormatException e) {
                                a.port = -1;
                            }
                            if (a.port < 1 || a.port > 65535) {
                                err.println("bad port: " + v);
                                return null;
                            }
                        }
                        default -> a.extra.computeIfAbsent(s, k -> new ArrayList<>()).add(v);
                    }
                } else if (s.startsWith("-") && s.length() > 1) {
                    err.println("unknown option: " + s);
                    return null;
                } else {
                    a.files.add(s);
                }
            }
            if (!validAe(a.aet) || !validAe(a.called)) {
                err.println("AE titles must be 1-16 printable characters without backslash");
                return null;
            }
            return a;
        }

        boolean needsPeer(PrintStream err) {
            if (host == null || port < 0) {
                err.println("--host and --port are required");
                return false;
            }
            return true;
        }

        String one(String option, String def) {
            List<String> v = extra.get(option);
            return v == null ? def : v.get(v.size() - 1);
        }

        static boolean validAe(String ae) {
            return ae.length() >= 1 && ae.length() <= 16 && ae.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\')
                    && !ae.isBlank();
        }
    }
}
