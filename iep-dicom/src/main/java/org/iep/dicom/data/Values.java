package org.iep.dicom.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iep.dicom.DicomValueException;
import org.iep.dicom.charset.SpecificCharacterSet;
import org.iep.dicom.charset.TextKind;

/**
 * Conversions between value bytes and Java values, per VR: the single place that knows how
 * strings are split and trimmed and how numbers are written as IS/DS text. Stateless.
 */
public final class Values {

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {
    }

    /** The text kind (delimiters) of a string VR. */
    public static TextKind textKind(VR vr) {
        if (vr == VR.PN) {
            return TextKind.PERSON_NAME;
        }
        return vr.kind() == VR.Kind.TEXT ? TextKind.TEXT : TextKind.MULTI_VALUED;
    }

    static ValueElement requireValue(DicomElement e) {
        if (e instanceof ValueElement v) {
            return v;
        }
        throw new DicomValueException(Tag.format(e.tag()) + " is a " + e.vr()
                + (e instanceof SequenceElement ? " sequence" : " with encapsulated fragments") + ", not a value");
    }

    /**
     * The values of an element as text: strings decoded and split at backslash (except LT, ST, UT,
     * UR), padding removed; binary numbers in decimal; AT as GGGGEEEE.
     *
     * @throws DicomValueException for OB, OW, OF, OD, OL, OV, UN (no text form)
     */
    public static String[] strings(ValueElement e, SpecificCharacterSet cs) {
        VR vr = e.vr();
        byte[] b = e.unsafeBytes();
        if (vr.isString()) {
            if (b.length == 0) {
                return new String[0];
            }
            String text = vr.usesSpecificCharacterSet()
                    ? cs.decode(b, textKind(vr))
                    : new String(b, StandardCharsets.ISO_8859_1);
            if (vr.kind() == VR.Kind.TEXT) {
                return new String[] {stripTrailing(text)};
            }
            List<String> parts = split(text);
            String[] out = new String[parts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = stripTrailing(parts.get(i)).stripLeading();
                if (vr == VR.PN) {
                    out[i] = stripTrailingGroups(out[i]);
                }
            }
            return out;
        }
        switch (vr) {
            case US, SS, UL, SL, SV, UV: {
                long[] l = e.longs();
                String[] out = new String[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = vr == VR.UV ? Long.toUnsignedString(l[i]) : Long.toString(l[i]);
                }
                return out;
            }
            case AT: {
                long[] l = e.longs();
                String[] out = new String[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = Tag.toHex((int) l[i]);
                }
                return out;
            }
            case FL, FD: {
                double[] d = e.doubles();
                String[] out = new String[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[i] = vr == VR.FL ? Float.toString((float) d[i]) : Double.toString(d[i]);
                }
                return out;
            }
            default:
                throw new DicomValueException(Tag.format(e.tag()) + " " + vr + " has no text form");
        }
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', start)) {
            out.add(s.substring(start, i));
            start = i + 1;
        }
        out.add(s.substring(start));
        return out;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Empty trailing component groups ("A^B=") carry no information (PS3.5 §6.2.1.1). */
    private static String stripTrailingGroups(String pn) {
        int end = pn.length();
        while (end > 0 && pn.charAt(end - 1) == '=') {
            end--;
        }
        return pn.substring(0, end);
    }

    static long[] longs(ValueElement e) {
        if (e.vr() == VR.IS || e.vr() == VR.DS) {
            String[] s = strings(e, SpecificCharacterSet.DEFAULT);
            long[] out = new long[s.length];
            for (int i = 0; i < s.length; i++) {
                try {
                    out[i] = new BigDecimal(s[i]).longValueExact();
                } catch (ArithmeticException | NumberFormatException ex) {
                    throw new DicomValueException(Tag.format(e.tag()) + " " + e.vr() + " value \"" + s[i]
                            + "\" is not an integer", ex);
                }
            }
            return out;
        }
        if (e.vr().kind() != VR.Kind.BINARY) {
            throw new DicomValueException(Tag.format(e.tag()) + " " + e.vr() + " is not numeric");
        }
        return e.longs();
    }

    static double[] doubles(ValueElement e) {
        if (e.vr() == VR.IS || e.vr() == VR.DS) {
            String[] s = strings(e, SpecificCharacterSet.DEFAULT);
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = parseDecimal(e.tag(), e.vr(), s[i]);
            }
            return out;
        }
        if (e.vr().kind() != VR.Kind.BINARY) {
            throw new DicomValueException(Tag.format(e.tag()) + " " + e.vr() + " is not numeric");
        }
        return e.doubles();
    }

    /** Parses an IS/DS value (already trimmed) strictly: digits, sign, point and exponent only. */
    public static double parseDecimal(int tag, VR vr, String s) {
        if (!DECIMAL.matcher(s).matches()) {
            throw new DicomValueException(Tag.format(tag) + " " + vr + " value \"" + s + "\" is not a number");
        }
        return Double.parseDouble(s);
    }

    static int toInt(int tag, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new DicomValueException(Tag.format(tag) + " value " + v + " does not fit in an int");
        }
        return (int) v;
    }

    static byte[] encodeStrings(VR vr, SpecificCharacterSet cs, String... values) {
        if (!vr.isString()) {
            throw new DicomValueException("VR " + vr + " does not hold strings");
        }
        if (vr.kind() == VR.Kind.TEXT && values.length > 1) {
            throw new DicomValueException("VR " + vr + " is single-valued");
        }
        String text = String.join("\\", values);
        return vr.usesSpecificCharacterSet() ? cs.encode(text, textKind(vr)) : ascii(vr, text);
    }

    private static byte[] ascii(VR vr, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7E) {
                throw new DicomValueException("VR " + vr + " allows the default repertoire only: \"" + text + "\"");
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] encodeLongs(VR vr, long... values) {
        if (vr == VR.IS) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Long.toString(values[i]);
            }
            return ascii(vr, String.join("\\", s));
        }
        return BinaryValues.fromLongs(vr, values);
    }

    static byte[] encodeDoubles(VR vr, double... values) {
        if (vr == VR.DS) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = formatDecimalString(values[i]);
            }
            return ascii(vr, String.join("\\", s));
        }
        return BinaryValues.fromDoubles(vr, values);
    }

    /** A DS value of at most 16 characters (PS3.5 Table 6.2-1) as close as possible to {@code v}. */
    public static String formatDecimalString(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new DicomValueException("DS cannot hold " + v);
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            String e = String.format(Locale.ROOT, "%." + digits + "G", v).replace("E+", "E");
            if (e.length() <= 16) {
                return e;
            }
        }
        throw new DicomValueException("DS cannot represent " + v + " in 16 characters");
    }
}
