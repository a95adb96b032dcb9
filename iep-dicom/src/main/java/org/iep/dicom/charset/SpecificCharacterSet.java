package org.iep.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.dicom.DicomCharsetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The character repertoire declared by Specific Character Set (0008,0005): decodes value bytes to
 * Java strings and encodes strings back (PS3.5 §6.1, PS3.3 C.12.1.1.2). Supports the default
 * repertoire, the single-byte ISO_IR terms (100, 101, 109, 110, 126, 127, 138, 144, 148, 166, 13),
 * ISO_IR 192 (UTF-8), GB18030, GBK, and ISO 2022 code extensions (IR 6, 100..166, 13, 87, 159, 149,
 * 58) with escape sequences, where state returns to the initial designations at delimiters.
 *
 * <p>Decoding is lenient: bytes outside the repertoire decode as ISO-8859-1 so that no information
 * is lost, and unknown terms are logged and treated as the default repertoire. Encoding is strict:
 * a character the declared sets cannot represent throws {@link DicomCharsetException}.
 * Immutable and thread-safe.
 */
public final class SpecificCharacterSet {

    private static final Logger LOG = LoggerFactory.getLogger(SpecificCharacterSet.class);
    private static final Map<String, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    /** The default repertoire (ISO-IR 6), used when (0008,0005) is absent or empty. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of(""), null,
            Designation.ASCII, null, List.of(Designation.ASCII));

    private final List<String> terms;
    /** Non-null for the terms that are not ISO 2022 based (UTF-8, GB18030, GBK). */
    private final Charset whole;
    private final Designation initialG0;
    private final Designation initialG1;
    /** The sets an encoder may designate, in the order of the terms. */
    private final List<Designation> allowed;

    private SpecificCharacterSet(List<String> terms, Charset whole, Designation g0, Designation g1,
            List<Designation> allowed) {
        this.terms = terms;
        this.whole = whole;
        this.initialG0 = g0;
        this.initialG1 = g1;
        this.allowed = allowed;
    }

    /**
     * The character set for the values of (0008,0005); an empty array or empty first value means
     * the default repertoire for the initial state.
     */
    public static SpecificCharacterSet of(String... values) {
        if (values.length == 0 || (values.length == 1 && values[0].isBlank())) {
            return DEFAULT;
        }
        String key = String.join("\\", values);
        return CACHE.computeIfAbsent(key, k -> create(values));
    }

    private static SpecificCharacterSet create(String[] values) {
        List<String> terms = new ArrayList<>();
        for (String v : values) {
            terms.add(v.strip().toUpperCase(Locale.ROOT));
        }
        String first = terms.get(0);
        Charset whole = switch (first) {
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            case "GB18030" -> Charset.forName("GB18030");
            case "GBK" -> Charset.forName("GBK");
            default -> null;
        };
        if (whole != null) {
            return new SpecificCharacterSet(List.copyOf(terms), whole, Designation.ASCII, null, List.of());
        }
        List<Designation> allowed = new ArrayList<>();
        Designation g0 = Designation.ASCII;
        Designation g1 = null;
        for (int i = 0; i < terms.size(); i++) {
            List<Designation> ds = designationsOf(terms.get(i));
            if (ds == null) {
                LOG.warn("Unknown Specific Character Set term '{}'; using the default repertoire", terms.get(i));
                continue;
            }
            allowed.addAll(ds);
            if (i == 0) {
                for (Designation d : ds) {
                    if (d.isG1()) {
                        g1 = d;
                    } else {
                        g0 = d;
                    }
                }
            }
        }
        if (!allowed.contains(Designation.ASCII)) {
            allowed.add(0, Designation.ASCII);
        }
        return new SpecificCharacterSet(List.copyOf(terms), null, g0, g1, List.copyOf(allowed));
    }

    private static List<Designation> designationsOf(String term) {
        String t = term.replace("ISO 2022 IR ", "ISO_IR ");
        return switch (t) {
            case "", "ISO_IR 6" -> List.of(Designation.ASCII);
            case "ISO_IR 100" -> List.of(Designation.LATIN1);
            case "ISO_IR 101" -> List.of(Designation.LATIN2);
            case "ISO_IR 109" -> List.of(Designation.LATIN3);
            case "ISO_IR 110" -> List.of(Designation.LATIN4);
            case "ISO_IR 144" -> List.of(Designation.CYRILLIC);
            case "ISO_IR 127" -> List.of(Designation.ARABIC);
            case "ISO_IR 126" -> List.of(Designation.GREEK);
            case "ISO_IR 138" -> List.of(Designation.HEBREW);
            case "ISO_IR 148" -> List.of(Designation.LATIN5);
            case "ISO_IR 166" -> List.of(Designation.THAI);
            case "ISO_IR 13" -> List.of(Designation.JIS_ROMAN, Designation.JIS_KATAKANA);
            case "ISO_IR 87" -> List.of(Designation.JIS_X0208);
            case "ISO_IR 159" -> List.of(Designation.JIS_X0212);
            case "ISO_IR 149" -> List.of(Designation.KS_X1001);
            case "ISO_IR 58" -> List.of(Designation.GB2312);
            default -> null;
        };
    }

    /** The normalised terms as declared, e.g. ["", "ISO 2022 IR 87"]. */
    public List<String> terms() {
        return terms;
    }

    /** True if values may contain ISO 2022 escape sequences (i.e. not UTF-8, GB18030 or GBK). */
    public boolean usesCodeExtensions() {
        return whole == null && allowed.size() > 1;
    }

    /** Decodes value bytes. */
    public String decode(byte[] b, int off, int len, TextKind kind) {
        if (whole != null) {
            return new String(b, off, len, whole);
        }
        return new Iso2022Decoder(b, kind, initialG0, initialG1).decode(off, len);
    }

    /** Decodes a whole value. */
    public String decode(byte[] b, TextKind kind) {
        return decode(b, 0, b.length, kind);
    }

    /**
     * Encodes text (unpadded).
     *
     * @throws DicomCharsetException if a character is not representable in the declared sets
     */
    public byte[] encode(String s, TextKind kind) {
        if (whole != null) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream(s.length() * 2);
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                byte[] out = Designation.encodeWith(whole, cp);
                if (out == null) {
                    throw unmappable(s, cp);
                }
                bos.writeBytes(out);
                i += Character.charCount(cp);
            }
            return bos.toByteArray();
        }
        return new Iso2022Encoder(kind, this, initialG0, initialG1, allowed).encode(s);
    }

    DicomCharsetException unmappable(String s, int cp) {
        return new DicomCharsetException(String.format(Locale.ROOT,
                "character U+%04X of \"%s\" cannot be encoded with Specific Character Set %s; "
                        + "declare a character set that contains it (e.g. ISO_IR 192)", cp, s, terms));
    }

    @Override
    public String toString() {
        return String.join("\\", terms);
    }
}
