package org.iep.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes one value under ISO 2022 code extensions: characters of the current G0/G1 sets are
 * written directly, others designate the first allowed set that has them; delimiters and the end
 * of the value return to the initial G0 set. Used once; not thread-safe.
 */
final class Iso2022Encoder {
    private final TextKind kind;
    private final SpecificCharacterSet cs;
    private final Designation initialG0;
    private final Designation initialG1;
    private final List<Designation> allowed;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Designation g0;
    private Designation g1;

    Iso2022Encoder(TextKind kind, SpecificCharacterSet cs, Designation initialG0, Designation initialG1,
            List<Designation> allowed) {
        this.kind = kind;
        this.cs = cs;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.allowed = allowed;
        this.g0 = initialG0;
        this.g1 = initialG1;
    }

    byte[] encode(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 && (kind.isDelimiter(cp) || cp < 0x20)) {
                // delimiters and controls must be sent in the initial G0 set
                if (g0 != initialG0 && g0.width() == 2) {
                    out.writeBytes(initialG0.escape());
                }
                out.write(cp);
                if (kind.isDelimiter(cp)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                continue;
            }
            if (!tryCurrent(cp) && !tryDesignate(cp)) {
                throw cs.unmappable(s, cp);
            }
        }
        if (g0 != initialG0 && g0.width() == 2) {
            out.writeBytes(initialG0.escape()); // a value ends in its initial G0 set (PS3.5 §6.1.2.5.3)
        }
        return out.toByteArray();
    }

    private boolean tryCurrent(int cp) {
        byte[] e = g0.encode(cp);
        if (e == null && g1 != null) {
            e = g1.encode(cp);
        }
        if (e != null) {
            out.writeBytes(e);
            return true;
        }
        return false;
    }

    private boolean tryDesignate(int cp) {
        for (Designation d : allowed) {
            byte[] e = d.encode(cp);
            if (e != null) {
                out.writeBytes(d.escape());
                if (d.isG1()) {
                    g1 = d;
                } else {
                    g0 = d;
                }
                out.writeBytes(e);
                return true;
            }
        }
        return false;
    }
}
