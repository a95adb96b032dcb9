package org.iep.dicom.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dcmdump-style text (dcmtk's oracle files and our DumpFormatter output alike) into
 * normalised comparison lines "section|depth|tag|VR|length|value".
 *
 * <p>Normalisation, the minimum needed to compare like with like: continuation lines of
 * multi-line text values are joined to their element line; dcmdump's synthetic "re-encoding"
 * delimiter lines are dropped (they are not in the file); dcmtk labels {@code up} (UL offsets in
 * DICOMDIR) and {@code ??} (unknown VR in implicit files) are mapped to UL and UN; string values
 * lose trailing space/NUL padding; FL/OF values are compared as floats and FD/OD as doubles
 * (dcmtk prints them with %g precision, we print Java's shortest form); "(not loaded)" values are
 * kept as that text, so they compare by length only.
 */
final class DumpLines {

    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) (.*?) +# *(u/l|\\d+), *(\\d+) (.*)$");

    private DumpLines() {
    }

    static List<String> parse(String text) {
        List<String> joined = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String l = raw;
            if (l.matches("^ *[(#].*") || l.isEmpty() || joined.isEmpty()) {
                joined.add(l);
            } else {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + "\n" + l);
            }
        }
        List<String> out = new ArrayList<>();
        String section = "?";
        for (String l : joined) {
            if (l.startsWith("# Dicom-Meta-Information-Header")) {
                section = "meta";
            } else if (l.startsWith("# Dicom-Data-Set")) {
                section = "data";
            }
            if (!l.matches("(?s)^ *\\(.*")) {
                continue;
            }
            Matcher m = LINE.matcher(l.replace("\n", "\u0001"));
            if (!m.matches()) {
                out.add(section + "|UNPARSED|" + l);
                continue;
            }
            String value = m.group(5).replace("\u0001", "\n");
            if (value.contains("for re-encod")) {
                continue;
            }
            String vr = switch (m.group(4)) {
                case "up" -> "UL";
                case "??" -> "UN";
                default -> m.group(4);
            };
            String length = m.group(6);
            if (!length.equals("u/l") && Long.parseLong(length) > 4096) {
                value = "(not loaded)"; // dcmtk loads everything of deflated files, -M or not
            }
            if (value.startsWith("\"Directory Record\"") || value.startsWith("(Item with")) {
                // dcmtk names DICOMDIR records ("Directory Record" PATIENT #=7): keep the item count only
                value = "(Item " + value.replaceAll(".*(#=\\d+).*", "$1") + ")";
            }
            if ((vr.equals("OB") || vr.equals("UN")) && !value.startsWith("(") && !length.equals("u/l")
                    && Long.parseLong(length) % 2 == 1) {
                // dcmtk pads odd-length values it loads with one zero byte; we keep the bytes as read
                length = Long.toString(Long.parseLong(length) + 1);
                value = value + "\\00";
            }
            out.add(section + "|" + m.group(1).length() / 2 + "|" + m.group(2) + "," + m.group(3) + "|" + vr + "|"
                    + length + "|" + normaliseValue(vr, value));
        }
        return out;
    }

    private static String normaliseValue(String vr, String value) {
        if (value.startsWith("[") && value.endsWith("]")) {
            String s = value.substring(1, value.length() - 1);
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
                end--;
            }
            return "[" + s.substring(0, end) + "]";
        }
        if (value.startsWith("(")) {
            return value;
        }
        switch (vr) {
            case "FL", "OF", "FD", "OD": {
                String[] parts = value.split("\\\\", -1);
                StringBuilder sb = new StringBuilder();
                for (String p : parts) {
                    if (sb.length() > 0) {
                        sb.append('\\');
                    }
                    boolean single = vr.equals("FL") || vr.equals("OF");
                    // + 0.0 turns -0.0 into 0.0: dcmtk prints negative zero as "0"
                    sb.append(single ? Float.toString(Float.parseFloat(p) + 0.0f) : Double.toString(Double.parseDouble(p) + 0.0));
                }
                return sb.toString();
            }
            default:
                return value;
        }
    }
}
