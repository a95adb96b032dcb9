package org.iep.dicom.tool;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.data.Values;
import org.iep.dicom.dict.ElementDictionary;
import org.iep.dicom.io.DicomFile;

/**
 * Renders a data set as dcmdump-like text, one line per element:
 * {@code (gggg,eeee) VR value  # length, VM Keyword}, indented two spaces per nesting level, with
 * the same item, delimiter and pixel-sequence lines dcmdump prints. Immutable and thread-safe.
 */
public final class DumpFormatter {

    /** How string values are shown. */
    public enum Strings {
        /** Decoded with the Specific Character Set in effect (for people). */
        DECODED,
        /** The raw value bytes as ISO-8859-1 characters, as dcmdump prints them (for comparisons). */
        RAW
    }

    private static final int VALUE_COLUMN = 56;

    private final Strings strings;
    private final int maxValueLength;
    private final ElementDictionary dict = ElementDictionary.standard();

    /**
     * @param strings how to show string values
     * @param maxValueLength values longer than this print as "(not loaded)", like dcmdump -M (4096)
     */
    public DumpFormatter(Strings strings, int maxValueLength) {
        this.strings = strings;
        this.maxValueLength = maxValueLength;
    }

    /** The whole file: meta header section and data set section, like dcmdump. */
    public String format(DicomFile file) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n");
        sb.append("# Used TransferSyntax: Little Endian Explicit\n");
        appendDataSet(sb, file.fileMeta(), 0);
        sb.append("\n# Dicom-Data-Set\n# Used TransferSyntax: ").append(file.transferSyntax().name()).append('\n');
        appendDataSet(sb, file.dataSet(), 0);
        return sb.toString();
    }

    /** The elements of a data set, at nesting depth {@code depth}. */
    public void appendDataSet(StringBuilder sb, Attributes ds, int depth) {
        for (DicomElement e : ds.elements()) {
            if (e instanceof SequenceElement s) {
                appendSequence(sb, s, depth);
            } else if (e instanceof FragmentsElement f) {
                appendFragments(sb, f, depth);
            } else {
                ValueElement v = (ValueElement) e;
                line(sb, depth, v.tag(), v.vr().name(), value(v, ds), Integer.toString(v.length()), vm(v, ds),
                        dict.keywordOf(v.tag()));
            }
        }
    }

    private void appendSequence(StringBuilder sb, SequenceElement s, int depth) {
        String kind = s.isUndefinedLength() ? "undefined" : "explicit";
        line(sb, depth, s.tag(), "SQ", "(Sequence with " + kind + " length #=" + s.size() + ")",
                s.isUndefinedLength() ? "u/l" : Long.toString(s.declaredLength()), "1", dict.keywordOf(s.tag()));
        for (Attributes item : s.items()) {
            boolean undefined = item.declaredLength() < 0;
            line(sb, depth + 1, Tag.ITEM, "na", "(Item with " + (undefined ? "undefined" : "explicit")
                    + " length #=" + item.size() + ")", undefined ? "u/l" : Long.toString(item.declaredLength()),
                    "1", "Item");
            appendDataSet(sb, item, depth + 2);
            line(sb, depth + 1, Tag.ITEM_DELIMITATION, "na", undefined ? "(ItemDelimitationItem)"
                    : "(ItemDelimitationItem for re-encoding)", "0", "0", "ItemDelimitationItem");
        }
        line(sb, depth, Tag.SEQUENCE_DELIMITATION, "na", s.isUndefinedLength() ? "(SequenceDelimitationItem)"
                : "(SequenceDelimitationItem for re-encod.)", "0", "0", "SequenceDelimitationItem");
    }

    private void appendFragments(StringBuilder sb, FragmentsElement f, int depth) {
        line(sb, depth, f.tag(), f.vr().name(), "(PixelSequence #=" + f.items().size() + ")", "u/l", "1",
                dict.keywordOf(f.tag()));
        for (byte[] item : f.items()) {
            String v = item.length == 0 ? "(no value available)"
                    : item.length > maxValueLength ? "(not loaded)" : hex(item, 1);
            line(sb, depth + 1, Tag.ITEM, "pi", v, Integer.toString(item.length), "1", "Item");
        }
        line(sb, depth, Tag.SEQUENCE_DELIMITATION, "na", "(SequenceDelimitationItem)", "0", "0",
                "SequenceDelimitationItem");
    }

    private static void line(StringBuilder sb, int depth, int tag, String vr, String value, String length,
            String vm, String keyword) {
        int start = sb.length();
        sb.append("  ".repeat(depth)).append(Tag.format(tag)).append(' ').append(vr).append(' ').append(value);
        int pad = start + depth * 2 + VALUE_COLUMN - sb.length();
        sb.append(" ".repeat(Math.max(pad, 1)));
        sb.append(String.format(Locale.ROOT, "# %3s, %s %s", length, vm, keyword.isEmpty() ? "Unknown Tag & Data" : keyword))
                .append('\n');
    }

    private String value(ValueElement v, Attributes ds) {
        if (v.isEmpty()) {
            return "(no value available)";
        }
        if (v.length() > maxValueLength) {
            return "(not loaded)";
        }
        VR vr = v.vr();
        if (vr.isString()) {
            String text = strings == Strings.RAW || !vr.usesSpecificCharacterSet()
                    ? new String(v.unsafeBytes(), StandardCharsets.ISO_8859_1)
                    : ds.specificCharacterSet().decode(v.unsafeBytes(), Values.textKind(vr));
            String stripped = stripPadding(text);
            return stripped.isEmpty() ? "(no value available)" : "[" + stripped + "]";
        }
        return switch (vr) {
            case OB, UN -> hex(v.unsafeBytes(), 1);
            case OW -> hex(v.unsafeBytes(), 2);
            case OL -> hex(v.unsafeBytes(), 4);
            case OV -> hex(v.unsafeBytes(), 8);
            case AT -> {
                StringBuilder sb = new StringBuilder();
                for (long t : v.longs()) {
                    sb.append(sb.length() == 0 ? "" : "\\").append(Tag.format((int) t));
                }
                yield sb.toString();
            }
            default -> String.join("\\", numbers(v));
        };
    }

    private static String[] numbers(ValueElement v) {
        if (v.vr() == VR.FL || v.vr() == VR.FD || v.vr() == VR.OF || v.vr() == VR.OD) {
            double[] d = v.doubles();
            String[] out = new String[d.length];
            boolean single = v.vr() == VR.FL || v.vr() == VR.OF;
            for (int i = 0; i < d.length; i++) {
                out[i] = single ? Float.toString((float) d[i]) : Double.toString(d[i]);
            }
            return out;
        }
        long[] l = v.longs();
        String[] out = new String[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = v.vr() == VR.UV ? Long.toUnsignedString(l[i]) : Long.toString(l[i]);
        }
        return out;
    }

    private static String vm(ValueElement v, Attributes ds) {
        if (v.isEmpty()) {
            return "0";
        }
        VR vr = v.vr();
        if (vr.kind() == VR.Kind.TEXT || vr == VR.OB || vr == VR.OW || vr == VR.UN || vr == VR.OF
                || vr == VR.OD || vr == VR.OL || vr == VR.OV) {
            return "1";
        }
        if (vr.isString()) {
            return Integer.toString(ds.specificCharacterSet().decode(v.unsafeBytes(), Values.textKind(vr))
                    .split("\\\\", -1).length);
        }
        return Integer.toString(v.length() / vr.valueSize());
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Hex of little-endian units of {@code size} bytes, most significant digit first, '\'-separated. */
    static String hex(byte[] b, int size) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int off = 0; off + size <= b.length; off += size) {
            if (off > 0) {
                sb.append('\\');
            }
            for (int i = size - 1; i >= 0; i--) {
                sb.append(Character.forDigit((b[off + i] >> 4) & 0xF, 16)).append(Character.forDigit(b[off + i] & 0xF, 16));
            }
        }
        return sb.toString();
    }
}
