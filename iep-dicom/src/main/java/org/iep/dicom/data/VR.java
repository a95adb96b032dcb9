package org.iep.dicom.data;

/**
 * The value representations of PS3.5 §6.2, with the facts the encoders need: how a value is
 * split into values, its padding byte, the size of one binary value, and whether explicit-VR
 * encoding uses the long (12-byte) header.
 */
public enum VR {
    AE(Kind.STRING, ' ', 0, false),
    AS(Kind.STRING, ' ', 0, false),
    AT(Kind.BINARY, 0, 4, false),
    CS(Kind.STRING, ' ', 0, false),
    DA(Kind.STRING, ' ', 0, false),
    DS(Kind.STRING, ' ', 0, false),
    DT(Kind.STRING, ' ', 0, false),
    FD(Kind.BINARY, 0, 8, false),
    FL(Kind.BINARY, 0, 4, false),
    IS(Kind.STRING, ' ', 0, false),
    LO(Kind.STRING, ' ', 0, false),
    LT(Kind.TEXT, ' ', 0, false),
    OB(Kind.BINARY, 0, 1, true),
    OD(Kind.BINARY, 0, 8, true),
    OF(Kind.BINARY, 0, 4, true),
    OL(Kind.BINARY, 0, 4, true),
    OV(Kind.BINARY, 0, 8, true),
    OW(Kind.BINARY, 0, 2, true),
    PN(Kind.STRING, ' ', 0, false),
    SH(Kind.STRING, ' ', 0, false),
    SL(Kind.BINARY, 0, 4, false),
    SQ(Kind.SEQUENCE, 0, 0, true),
    SS(Kind.BINARY, 0, 2, false),
    ST(Kind.TEXT, ' ', 0, false),
    SV(Kind.BINARY, 0, 8, true),
    TM(Kind.STRING, ' ', 0, false),
    UC(Kind.STRING, ' ', 0, true),
    UI(Kind.STRING, 0, 0, false),
    UL(Kind.BINARY, 0, 4, false),
    UN(Kind.BINARY, 0, 1, true),
    UR(Kind.TEXT, ' ', 0, true),
    US(Kind.BINARY, 0, 2, false),
    UT(Kind.TEXT, ' ', 0, true),
    UV(Kind.BINARY, 0, 8, true);

    /** How values of a VR are represented. */
    public enum Kind {
        /** Character string, multiple values separated by backslash. */
        STRING,
        /** Character string that is always single-valued (LT, ST, UT, UR): backslash is text. */
        TEXT,
        /** Fixed-size binary values (numbers, AT, other-byte/word types, UN). */
        BINARY,
        /** Sequence of items. */
        SEQUENCE
    }

    private final Kind kind;
    private final byte padding;
    private final int valueSize;
    private final boolean longHeader;
    private final int code;

    VR(Kind kind, int padding, int valueSize, boolean longHeader) {
        this.kind = kind;
        this.padding = (byte) padding;
        this.valueSize = valueSize;
        this.longHeader = longHeader;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /** How values are represented. */
    public Kind kind() {
        return kind;
    }

    /** True for character-string VRs (both {@link Kind#STRING} and {@link Kind#TEXT}). */
    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** Byte used to pad odd-length values to even length: space for text, NUL for UI and binary. */
    public byte padding() {
        return padding;
    }

    /**
     * Size in bytes of one binary value (2 for US/SS/OW, 4 for UL/SL/FL/OF/OL/AT, 8 for FD/OD/SV/UV/OV,
     * 1 for OB/UN); 0 for strings and SQ. Also the unit for byte swapping in big endian.
     */
    public int valueSize() {
        return valueSize;
    }

    /**
     * True if explicit-VR encoding uses a 2-byte reserved field and a 4-byte length (PS3.5 §7.1.2:
     * OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV); false for the 2-byte length form.
     */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** True if the Specific Character Set applies to values of this VR (SH, LO, ST, LT, UT, PN, UC). */
    public boolean usesSpecificCharacterSet() {
        return switch (this) {
            case SH, LO, ST, LT, UT, PN, UC -> true;
            default -> false;
        };
    }

    /** The two ASCII characters as a 16-bit number, first character in the high byte. */
    public int code() {
        return code;
    }

    /**
     * The VR for two header bytes, or null (nullable) if they are not a known VR.
     *
     * @param b0 first character as read
     * @param b1 second character as read
     */
    public static VR ofCode(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        int c = (b0 << 8) | b1;
        for (VR vr : VALUES) {
            if (vr.code == c) {
                return vr;
            }
        }
        return null;
    }

    private static final VR[] VALUES = values();
}
