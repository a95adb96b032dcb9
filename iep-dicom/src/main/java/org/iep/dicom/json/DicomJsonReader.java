package org.iep.dicom.json;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomJsonException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.VR;

/**
 * Reads the DICOM JSON model (PS3.18 Annex F.2) into {@link Attributes}. Specific Character Set is
 * applied first in every object so that strings are encoded with it (whatever the member order);
 * BulkDataURIs are resolved through a caller-supplied function. Errors are
 * {@link DicomJsonException}. Immutable and thread-safe if the resolver is.
 */
public final class DicomJsonReader {

    private final Function<String, byte[]> bulkDataResolver;

    /**
     * @param bulkDataResolver nullable: returns the bytes for a BulkDataURI; without one, a
     *     BulkDataURI is an error
     */
    public DicomJsonReader(Function<String, byte[]> bulkDataResolver) {
        this.bulkDataResolver = bulkDataResolver;
    }

    /** A reader that rejects BulkDataURIs. */
    public DicomJsonReader() {
        this(null);
    }

    /** Parses a JSON text holding one data set object. */
    public Attributes read(String json) {
        Object root = JsonParser.parse(json);
        Attributes ds = new Attributes();
        fill(ds, asObject(root, "the document"));
        return ds;
    }

    private void fill(Attributes ds, Map<String, Object> obj) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(obj.entrySet());
        // character set first: the other strings are encoded with it
        entries.sort((a, b) -> Boolean.compare(!isCharset(a.getKey()), !isCharset(b.getKey())));
        for (Map.Entry<String, Object> en : entries) {
            int tag;
            try {
                tag = Tag.parse(en.getKey());
            } catch (IllegalArgumentException e) {
                throw new DicomJsonException("member \"" + en.getKey() + "\" is not a GGGGEEEE tag", e);
            }
            try {
                element(ds, tag, asObject(en.getValue(), en.getKey()));
            } catch (DicomJsonException e) {
                throw e;
            } catch (DicomException | IllegalArgumentException | ClassCastException e) {
                throw new DicomJsonException("bad value for " + en.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isCharset(String key) {
        return key.equalsIgnoreCase("00080005");
    }

    private void element(Attributes ds, int tag, Map<String, Object> el) {
        Object vrText = el.get("vr");
        if (!(vrText instanceof String s) || s.length() != 2 || VR.ofCode(s.charAt(0), s.charAt(1)) == null) {
            throw new DicomJsonException(Tag.toHex(tag) + " has no valid \"vr\"");
        }
        VR vr = VR.valueOf(s);
        Object value = el.get("Value");
        Object inline = el.get("InlineBinary");
        Object bulk = el.get("BulkDataURI");
        if (vr == VR.SQ) {
            SequenceElement seq = ds.newSequence(tag);
            for (Object item : value == null ? List.of() : asArray(value, tag)) {
                Attributes a = seq.addItem();
                if (item != JsonParser.NULL) {
                    fill(a, asObject(item, Tag.toHex(tag) + " item"));
                }
            }
        } else if (inline != null) {
            ds.setBytes(tag, vr, Base64.getDecoder().decode((String) inline));
        } else if (bulk != null) {
            if (bulkDataResolver == null) {
                throw new DicomJsonException(Tag.toHex(tag) + " has a BulkDataURI but no resolver was given");
            }
            ds.setBytes(tag, vr, bulkDataResolver.apply((String) bulk));
        } else if (value == null) {
            ds.setEmpty(tag, vr);
        } else {
            values(ds, tag, vr, asArray(value, tag));
        }
    }

    private static void values(Attributes ds, int tag, VR vr, List<Object> values) {
        switch (vr) {
            case US, SS, UL, SL, SV, UV, AT -> {
                long[] l = new long[values.size()];
                for (int i = 0; i < l.length; i++) {
                    Object v = values.get(i);
                    l[i] = vr == VR.AT ? Integer.toUnsignedLong(Tag.parse((String) v))
                            : vr == VR.UV ? Long.parseUnsignedLong(number(v)) : Long.parseLong(number(v));
                }
                ds.setInt(tag, vr, l);
            }
            case FL, FD -> {
                double[] d = new double[values.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = Double.parseDouble(number(values.get(i)));
                }
                ds.setDouble(tag, vr, d);
            }
            default -> {
                String[] s = new String[values.size()];
                for (int i = 0; i < s.length; i++) {
                    Object v = values.get(i);
                    s[i] = v == JsonParser.NULL ? "" : vr == VR.PN ? personName(v) : text(v);
                }
                ds.setString(tag, vr, s);
            }
        }
    }

    private static String number(Object v) {
        if (v instanceof JsonParser.JsonNumber n) {
            return n.text();
        }
        if (v instanceof String s) {
            return s;
        }
        throw new DicomJsonException("expected a number, found " + v);
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof JsonParser.JsonNumber n) {
            return n.text();
        }
        throw new DicomJsonException("expected a string, found " + v);
    }

    private static String personName(Object v) {
        if (v instanceof String s) {
            return s;
        }
        Map<String, Object> pn = asObject(v, "PN");
        String[] groups = {str(pn.get("Alphabetic")), str(pn.get("Ideographic")), str(pn.get("Phonetic"))};
        int n = groups[2].isEmpty() ? groups[1].isEmpty() ? 1 : 2 : 3;
        return String.join("=", java.util.Arrays.copyOf(groups, n));
    }

    private static String str(Object o) {
        return o == null || o == JsonParser.NULL ? "" : text(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new DicomJsonException(what + " must be a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asArray(Object o, int tag) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new DicomJsonException(Tag.toHex(tag) + " \"Value\" must be an array");
    }
}
