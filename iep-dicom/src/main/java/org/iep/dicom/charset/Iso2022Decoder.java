package org.iep.dicom.charset;

import java.nio.charset.StandardCharsets;

/**
 * Decodes one value under ISO 2022 code extensions: escape sequences designate sets to G0/G1, and
 * delimiters of the value's {@link TextKind} return to the initial designations. Bytes with no
 * designated set decode as ISO-8859-1 so that nothing is lost. Used once; not thread-safe.
 */
final class Iso2022Decoder {
    private final byte[] b;
    private final TextKind kind;
    private final StringBuilder out = new StringBuilder();
    private final Designation initialG0;
    private final Designation initialG1;
    private Designation g0;
    private Designation g1;

    Iso2022Decoder(byte[] b, TextKind kind, Designation initialG0, Designation initialG1) {
        this.b = b;
        this.kind = kind;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.g0 = initialG0;
        this.g1 = initialG1;
    }

    String decode(int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int v = b[i] & 0xFF;
            if (v == 0x1B) {
                i = escape(i, end);
            } else if (v < 0x80) {
                i = low(i, end);
            } else {
                i = high(i, end);
            }
        }
        return out.toString();
    }

    private int escape(int i, int end) {
        // ESC, intermediate bytes 0x20-0x2F, then one final byte 0x30-0x7E
        int j = i + 1;
        while (j < end && (b[j] & 0xFF) >= 0x20 && (b[j] & 0xFF) <= 0x2F) {
            j++;
        }
        if (j >= end) {
            out.append(new String(b, i, end - i, StandardCharsets.ISO_8859_1));
            return end;
        }
        Designation d = Designation.ofEscape(b, i + 1, j - i);
        if (d == null) {
            // unknown escape: keep it visible rather than guessing a character set
            out.append(new String(b, i, j + 1 - i, StandardCharsets.ISO_8859_1));
        } else if (d.isG1()) {
            g1 = d;
        } else {
            g0 = d;
        }
        return j + 1;
    }

    private int low(int i, int end) {
        int v = b[i] & 0xFF;
        if (g0.width() == 2 && v > 0x20) {
            int j = i;
            while (j + 1 < end && (b[j] & 0xFF) > 0x20 && (b[j] & 0xFF) < 0x80
                    && (b[j + 1] & 0xFF) > 0x20 && (b[j + 1] & 0xFF) < 0x80) {
                j += 2;
            }
            if (j == i) {
                out.append((char) v);
                return i + 1;
            }
            out.append(g0.decode(b, i, j - i));
            return j;
        }
        out.append((char) v);
        if (kind.isDelimiter(v)) {
            g0 = initialG0;
            g1 = initialG1;
        }
        return i + 1;
    }

    private int high(int i, int end) {
        Designation d = g1 == null ? Designation.LATIN1 : g1;
        int j = i;
        while (j < end && (b[j] & 0xFF) >= 0x80) {
            j++;
        }
        int n = j - i;
        if (d.width() == 2 && (n & 1) == 1) {
            n--; // a dangling half character decodes on its own below
        }
        if (n > 0) {
            out.append(d.decode(b, i, n));
        }
        if (i + n < j) {
            out.append((char) (b[i + n] & 0xFF));
            n++;
        }
        return i + n;
    }
}
