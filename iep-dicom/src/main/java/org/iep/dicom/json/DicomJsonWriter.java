package org.iep.dicom.json;

import java.math.BigDecimal;
import java.util.Base64;
import org.iep.dicom.DicomJsonException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.data.Values;

/**
 * Writes the DICOM JSON model (PS3.18 Annex F.2): one object per data set keyed by "GGGGEEEE",
 * each with "vr" and "Value" (strings, numbers for IS/DS and binary numbers, PN objects with
 * Alphabetic/Ideographic/Phonetic, AT as "GGGGEEEE", items as objects), "InlineBinary" (base64) or
 * "BulkDataURI". Group 0002 and group lengths are left out. Because JSON text is Unicode,
 * the top-level Specific Character Set (0008,0005) is written as "ISO_IR 192" (as dcm2json does),
 * so that a reader re-encodes values in UTF-8; values that are only padding are written as empty. Immutable and thread-safe if the {@link BulkDataUris} is.
 */
public final class DicomJsonWriter {

    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final BulkDataUris bulkData;
    private final boolean pretty;

    /**
     * @param bulkData decides which binary values become BulkDataURIs
     * @param pretty indent with two spaces (like dcm2json) instead of compact output
     */
    public DicomJsonWriter(BulkDataUris bulkData, boolean pretty) {
        this.bulkData = bulkData;
        this.pretty = pretty;
    }

    /** Pretty-printed, all binary values inline. */
    public DicomJsonWriter() {
        this(BulkDataUris.NONE, true);
    }

    /** The JSON text of a data set. */
    public String toJson(Attributes ds) {
        StringBuilder sb = new StringBuilder();
        write(ds, sb);
        return sb.toString();
    }

    /** Streams the JSON text of a data set to {@code out}. */
    public void write(Attributes ds, Appendable out) {
        JsonWriter w = new JsonWriter(out, pretty);
        object(w, ds, "", true);
        w.flushLine();
    }

    private void object(JsonWriter w, Attributes ds, String path, boolean top) {
        w.beginObject();
        for (DicomElement e : ds.elements()) {
            if (Tag.group(e.tag()) == 2 || Tag.isGroupLength(e.tag())) {
                continue;
            }
            String key = Tag.toHex(e.tag());
            w.name(key).beginObject().name("vr").value(e.vr().name());
            element(w, ds, e, path + key, top);
            w.endObject();
        }
        w.endObject();
    }

    private void element(JsonWriter w, Attributes ds, DicomElement e, String path, boolean top) {
        if (e instanceof SequenceElement s) {
            if (!s.isEmpty()) {
                w.name("Value").beginArray();
                for (int i = 0; i < s.size(); i++) {
                    object(w, s.item(i), path + "[" + i + "].", false);
                }
                w.endArray();
            }
            return;
        }
        if (e instanceof FragmentsElement) {
            String uri = bulkData.uriFor(path, e);
            if (uri == null) {
                throw new DicomJsonException(Tag.format(e.tag()) + " holds encapsulated (compressed) pixel "
                        + "data, which DICOM JSON can only reference: supply a BulkDataUris that returns a URI");
            }
            w.name("BulkDataURI").value(uri);
            return;
        }
        ValueElement v = (ValueElement) e;
        if (v.isEmpty()) {
            return;
        }
        VR vr = v.vr();
        if (vr.kind() == VR.Kind.BINARY && vr != VR.AT && vr.valueSize() != 0 && isBulk(vr)) {
            String uri = bulkData.uriFor(path, e);
            if (uri != null) {
                w.name("BulkDataURI").value(uri);
            } else {
                w.name("InlineBinary").value(Base64.getEncoder().encodeToString(v.unsafeBytes()));
            }
            return;
        }
        // only the top level, as dcm2json: items that declare their own set keep it, which stays
        // valid because a reader re-encodes their (Unicode) strings with it
        String[] values = top && v.tag() == Tags.SpecificCharacterSet
                ? new String[] {"ISO_IR 192"} : Values.strings(v, ds.specificCharacterSet());
        if (vr == VR.PN) {
            for (int i = 0; i < values.length; i++) {
                values[i] = trimPersonName(values[i]);
            }
        }
        if (allEmpty(values)) {
            return; // only padding, e.g. "  ": an empty value, written without "Value" like dcm2json
        }
        w.name("Value").beginArray();
        for (String s : values) {
            value(w, vr, s);
        }
        w.endArray();
    }

    /** Drops empty trailing components and groups ("A^B^=" → "A^B", "^^^^" → ""): they carry nothing. */
    static String trimPersonName(String pn) {
        String[] groups = pn.split("=", -1);
        StringBuilder sb = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceAll("\\^+$", "");
            if (!groups[i].isEmpty()) {
                kept = i + 1;
            }
        }
        for (int i = 0; i < kept; i++) {
            sb.append(i == 0 ? "" : "=").append(groups[i]);
        }
        return sb.toString();
    }

    private static boolean allEmpty(String[] values) {
        for (String s : values) {
            if (!s.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBulk(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    private static void value(JsonWriter w, VR vr, String s) {
        switch (vr) {
            case PN -> personName(w, s);
            case IS, DS -> {
                if (s.isEmpty()) {
                    w.nullValue();
                } else {
                    String literal = jsonNumber(s);
                    if (literal == null) {
                        w.value(s); // not a number (e.g. IS "1A"): kept as a string, as dcm2json does
                    } else {
                        w.number(literal);
                    }
                }
            }
            case US, SS, UL, SL, SV, UV -> w.number(s);
            case FL, FD -> {
                if (s.equals("NaN") || s.contains("Infinity")) {
                    w.value(s);
                } else {
                    w.number(s);
                }
            }
            default -> {
                if (s.isEmpty()) {
                    w.nullValue();
                } else {
                    w.value(s);
                }
            }
        }
    }

    /** The value as a JSON number literal, or null if it is not a decimal number. */
    static String jsonNumber(String s) {
        if (JSON_NUMBER.matcher(s).matches()) {
            return s;
        }
        try {
            return new BigDecimal(s).toString();
        } catch (NumberFormatException e) {
            return null; // not numeric: the caller writes the text as a string
        }
    }

    private static void personName(JsonWriter w, String s) {
        if (s.isEmpty()) {
            w.nullValue();
            return;
        }
        String[] groups = s.split("=", -1);
        String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
        w.beginObject();
        for (int i = 0; i < Math.min(groups.length, 3); i++) {
            if (!groups[i].isEmpty()) {
                w.name(keys[i]).value(groups[i]);
            }
        }
        w.endObject();
    }
}
