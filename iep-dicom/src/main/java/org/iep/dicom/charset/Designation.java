package org.iep.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One ISO 2022 graphic character set as DICOM designates it to G0 or G1 (PS3.3 C.12.1.1.2,
 * PS3.5 §6.1.2.5). Decoding and encoding of the bytes of one run of characters in that set.
 * Immutable and thread-safe (encoders are created per call).
 */
enum Designation {
    ASCII(false, 1, "(B", null),
    /** JIS X 0201 Romaji: decoded as ASCII (as pydicom does) so that 0x5C stays a backslash. */
    JIS_ROMAN(false, 1, "(J", null),
    JIS_KATAKANA(true, 1, ")I", null),
    LATIN1(true, 1, "-A", "ISO-8859-1"),
    LATIN2(true, 1, "-B", "ISO-8859-2"),
    LATIN3(true, 1, "-C", "ISO-8859-3"),
    LATIN4(true, 1, "-D", "ISO-8859-4"),
    CYRILLIC(true, 1, "-L", "ISO-8859-5"),
    ARABIC(true, 1, "-G", "ISO-8859-6"),
    GREEK(true, 1, "-F", "ISO-8859-7"),
    HEBREW(true, 1, "-H", "ISO-8859-8"),
    LATIN5(true, 1, "-M", "ISO-8859-9"),
    THAI(true, 1, "-T", "TIS-620"),
    JIS_X0208(false, 2, "$B", "EUC-JP"),
    JIS_X0212(false, 2, "$(D", "EUC-JP"),
    KS_X1001(true, 2, "$)C", "EUC-KR"),
    GB2312(true, 2, "$)A", "GB2312");

    private final boolean g1;
    private final int width;
    private final byte[] escape;
    private final Charset charset;

    Designation(boolean g1, int width, String escape, String charset) {
        this.g1 = g1;
        this.width = width;
        this.escape = ("\u001b" + escape).getBytes(StandardCharsets.US_ASCII);
        this.charset = charset == null ? StandardCharsets.ISO_8859_1 : Charset.forName(charset);
    }

    /** True if designated to G1 (bytes 0xA0-0xFF), false for G0 (bytes 0x21-0x7E). */
    boolean isG1() {
        return g1;
    }

    /** Bytes per character: 1 or 2. */
    int width() {
        return width;
    }

    /** The escape sequence that designates this set, ESC included. */
    byte[] escape() {
        return escape.clone();
    }

    /** The set designated by the escape sequence bytes after ESC, or null (nullable) if unknown. */
    static Designation ofEscape(byte[] seq, int off, int len) {
        for (Designation d : values()) {
            if (d.escape.length - 1 == len) {
                boolean same = true;
                for (int i = 0; i < len && same; i++) {
                    same = d.escape[i + 1] == seq[off + i];
                }
                if (same) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Decodes a run of bytes that all belong to this set. */
    String decode(byte[] b, int off, int len) {
        switch (this) {
            case ASCII, JIS_ROMAN:
                return new String(b, off, len, StandardCharsets.ISO_8859_1);
            case JIS_KATAKANA: {
                StringBuilder sb = new StringBuilder(len);
                for (int i = off; i < off + len; i++) {
                    int v = b[i] & 0xFF;
                    sb.append(v >= 0xA1 && v <= 0xDF ? (char) (0xFF61 + v - 0xA1) : (char) v);
                }
                return sb.toString();
            }
            case JIS_X0208, JIS_X0212: {
                // 7-bit JIS rows map to EUC-JP by setting the high bit (0x8F prefix for JIS X 0212)
                int step = this == JIS_X0212 ? 3 : 2;
                byte[] euc = new byte[len / 2 * step];
                int j = 0;
                for (int i = off; i + 1 < off + len; i += 2) {
                    if (this == JIS_X0212) {
                        euc[j++] = (byte) 0x8F;
                    }
                    euc[j++] = (byte) (b[i] | 0x80);
                    euc[j++] = (byte) (b[i + 1] | 0x80);
                }
                return new String(euc, 0, j, charset);
            }
            default:
                return new String(b, off, len, charset);
        }
    }

    /**
     * Encodes one character (a code point) in this set, or returns null (nullable) if the set has
     * no such character.
     */
    byte[] encode(int codePoint) {
        switch (this) {
            case ASCII, JIS_ROMAN:
                return codePoint < 0x80 ? new byte[] {(byte) codePoint} : null;
            case JIS_KATAKANA:
                return codePoint >= 0xFF61 && codePoint <= 0xFF9F
                        ? new byte[] {(byte) (codePoint - 0xFF61 + 0xA1)} : null;
            default:
                break;
        }
        byte[] enc = encodeWith(charset, codePoint);
        if (enc == null) {
            return null;
        }
        switch (this) {
            case JIS_X0208:
                return enc.length == 2 && (enc[0] & 0xFF) >= 0xA1 && (enc[0] & 0xFF) != 0x8E
                        ? new byte[] {(byte) (enc[0] & 0x7F), (byte) (enc[1] & 0x7F)} : null;
            case JIS_X0212:
                return enc.length == 3 && (enc[0] & 0xFF) == 0x8F
                        ? new byte[] {(byte) (enc[1] & 0x7F), (byte) (enc[2] & 0x7F)} : null;
            default:
                boolean ok = enc.length == width && (enc[0] & 0xFF) >= 0xA0;
                return ok ? enc : null;
        }
    }

    static byte[] encodeWith(Charset cs, int codePoint) {
        CharsetEncoder enc = cs.newEncoder();
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(Character.toChars(codePoint)));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null; // not representable: the caller tries the next designation
        }
    }
}
