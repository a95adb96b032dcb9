package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.List;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.DictionaryEntry;
import org.iep.dicom.dict.ElementDictionary;
import org.iep.dicom.net.dimse.DimseClient;

/**
 * The query identifier of findscu / movescu / getscu from dcmtk-style {@code -k gggg,eeee=value} (or
 * {@code -k Keyword=value}; no {@code =} asks for the attribute to be returned), {@code -L LEVEL} and
 * {@code --root study|patient}.
 */
final class QueryKeys {
    static final int QUERY_RETRIEVE_LEVEL = 0x00080052;
    static final java.util.Set<String> OPTIONS = java.util.Set.of("-k", "-L", "--root");

    private QueryKeys() {
    }

    /** The identifier, or null after printing what is wrong. */
    static Attributes identifier(EchoscuCommand.NetArgs a, PrintStream err) {
        Attributes ds = new Attributes();
        String level = a.one("-L", "STUDY").toUpperCase(java.util.Locale.ROOT);
        if (!List.of("PATIENT", "STUDY", "SERIES", "IMAGE").contains(level)) {
            err.println("query level must be PATIENT, STUDY, SERIES or IMAGE: " + level);
            return null;
        }
        ds.setString(QUERY_RETRIEVE_LEVEL, VR.CS, level);
        for (String k : a.extra.getOrDefault("-k", List.of())) {
            int eq = k.indexOf('=');
            String name = eq < 0 ? k : k.substring(0, eq);
            String value = eq < 0 ? "" : k.substring(eq + 1);
            DictionaryEntry e = entry(name);
            if (e == null || e.isRepeating() || e.vrs().isEmpty() || e.vr() == VR.SQ) {
                err.println("not a usable matching key: " + name + " (gggg,eeee or a dictionary keyword, no sequences)");
                return null;
            }
            int tag = tag(name, e);
            if (value.isEmpty()) {
                ds.setEmpty(tag, e.vr());
            } else {
                ds.setString(tag, e.vr(), value.split("\\\\", -1));
            }
        }
        return ds;
    }

    /** The information model for --root and the service (find, move or get). */
    static String model(EchoscuCommand.NetArgs a, String service, PrintStream err) {
        String root = a.one("--root", "study");
        boolean patient = root.equals("patient");
        if (!patient && !root.equals("study")) {
            err.println("--root must be study or patient");
            return null;
        }
        return switch (service) {
            case "find" -> patient ? DimseClient.PATIENT_ROOT_FIND : DimseClient.STUDY_ROOT_FIND;
            case "move" -> patient ? DimseClient.PATIENT_ROOT_MOVE : DimseClient.STUDY_ROOT_MOVE;
            default -> patient ? DimseClient.PATIENT_ROOT_GET : DimseClient.STUDY_ROOT_GET;
        };
    }

    private static DictionaryEntry entry(String name) {
        if (name.matches("\\p{XDigit}{4},\\p{XDigit}{4}")) {
            return ElementDictionary.standard().lookup(parse(name));
        }
        return ElementDictionary.standard().lookup(name);
    }

    private static int tag(String name, DictionaryEntry e) {
        if (name.contains(",")) {
            return parse(name);
        }
        return parse(e.pattern().replaceAll("[()]", ""));
    }

    private static int parse(String gggg) {
        return (int) Long.parseLong(gggg.replace(",", ""), 16);
    }
}
