package org.iep.dicom.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Semantic comparison of two DICOM JSON trees (from {@link JsonParser}). Normalisation, the
 * minimum that makes dcm2json's output and ours comparable:
 * numbers are compared numerically (FL as float and FD as double, since dcm2json prints 9 or 17
 * significant digits and we print the shortest form that reads back as the same value; -0 equals
 * 0; IS/DS as exact decimals);
 * InlineBinary is compared after base64 decoding, accepting dcmtk's one zero pad byte after a
 * value of odd length; a member listed in {@code ignore} (e.g. 7FE00010 for .nopixel.json) is
 * skipped (for .nopixel.json: 7FE00010, and FFFCFFFC, which dcmodify dropped when it rewrote the
 * temporary copy). Everything else (key sets, vr, string values, PN groups, item structure) must be equal.
 */
final class JsonCompare {

    private JsonCompare() {
    }

    static List<String> diff(Object expected, Object actual, String... ignoreKeys) {
        List<String> out = new ArrayList<>();
        dataSet(asMap(expected), asMap(actual), "", java.util.Set.of(ignoreKeys), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static void dataSet(Map<String, Object> x, Map<String, Object> y, String path, java.util.Set<String> ignore,
            List<String> out) {
        TreeSet<String> kx = new TreeSet<>(x.keySet());
        TreeSet<String> ky = new TreeSet<>(y.keySet());
        kx.removeAll(ignore);
        ky.removeAll(ignore);
        if (!kx.equals(ky)) {
            TreeSet<String> onlyX = new TreeSet<>(kx);
            onlyX.removeAll(ky);
            TreeSet<String> onlyY = new TreeSet<>(ky);
            onlyY.removeAll(kx);
            out.add(path + " keys: only dcm2json " + onlyX + ", only ours " + onlyY);
            kx.retainAll(ky);
        }
        for (String k : kx) {
            element(asMap(x.get(k)), asMap(y.get(k)), path + k, ignore, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static void element(Map<String, Object> x, Map<String, Object> y, String path, java.util.Set<String> ignore,
            List<String> out) {
        String vr = (String) x.get("vr");
        if (!Objects.equals(vr, y.get("vr"))) {
            out.add(path + " vr " + vr + " vs " + y.get("vr"));
            return;
        }
        if (!x.keySet().equals(y.keySet())) {
            out.add(path + " members " + x.keySet() + " vs " + y.keySet());
            return;
        }
        if (x.containsKey("InlineBinary")) {
            byte[] a = Base64.getDecoder().decode((String) x.get("InlineBinary"));
            byte[] b = Base64.getDecoder().decode((String) y.get("InlineBinary"));
            boolean padded = b.length % 2 == 1 && a.length == b.length + 1 && a[b.length] == 0
                    && Arrays.equals(Arrays.copyOf(a, b.length), b);
            if (!Arrays.equals(a, b) && !padded) {
                out.add(path + " InlineBinary differs (" + a.length + " vs " + b.length + " bytes)");
            }
            return;
        }
        if (!x.containsKey("Value")) {
            return;
        }
        List<Object> vx = (List<Object>) x.get("Value");
        List<Object> vy = (List<Object>) y.get("Value");
        if (vx.size() != vy.size()) {
            out.add(path + " Value count " + vx.size() + " vs " + vy.size() + ": " + vx + " vs " + vy);
            return;
        }
        for (int i = 0; i < vx.size(); i++) {
            Object a = vx.get(i);
            Object b = vy.get(i);
            if (vr.equals("SQ")) {
                dataSet(asMap(a), asMap(b), path + "[" + i + "].", ignore, out);
            } else if (a instanceof JsonParser.JsonNumber na && b instanceof JsonParser.JsonNumber nb) {
                if (!sameNumber(vr, na.text(), nb.text())) {
                    out.add(path + " number " + na.text() + " vs " + nb.text());
                }
            } else if (!Objects.equals(String.valueOf(a), String.valueOf(b))) {
                out.add(path + " value " + a + " vs " + b);
            }
        }
    }

    private static boolean sameNumber(String vr, String a, String b) {
        if (vr.equals("FL")) {
            return Float.parseFloat(a) + 0.0f == Float.parseFloat(b) + 0.0f;
        }
        if (vr.equals("FD")) {
            return Double.parseDouble(a) + 0.0 == Double.parseDouble(b) + 0.0; // dcm2json prints 17 digits
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }
}
