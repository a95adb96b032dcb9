package org.iep.dicom.dict;

import java.util.Objects;

/**
 * How a data set is encoded: VR explicit or implicit, byte order, deflate, and whether pixel data
 * is encapsulated. Every UID other than the four native syntaxes (and the retired big endian
 * syntax) is treated as explicit VR little endian with encapsulated pixel data, which is what
 * PS3.5 §A.4 requires of all compressed syntaxes. Immutable.
 *
 * @param uid the transfer syntax UID
 * @param explicitVr true if VRs are written in element headers
 * @param bigEndian true for the retired Explicit VR Big Endian
 * @param deflated true if the data set is deflated (RFC 1951, no zlib header)
 * @param encapsulated true if pixel data is encapsulated (compressed) in fragments
 */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UIDs.ImplicitVRLittleEndian, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UIDs.ExplicitVRLittleEndian, true, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UIDs.ExplicitVRBigEndian, true, true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UIDs.DeflatedExplicitVRLittleEndian, true, false, true, false);

    public static final TransferSyntax JPEG_BASELINE_8BIT = encapsulated(UIDs.JPEGBaseline8Bit);
    public static final TransferSyntax JPEG_EXTENDED_12BIT = encapsulated(UIDs.JPEGExtended12Bit);
    public static final TransferSyntax JPEG_LOSSLESS = encapsulated(UIDs.JPEGLossless);
    public static final TransferSyntax JPEG_LOSSLESS_SV1 = encapsulated(UIDs.JPEGLosslessSV1);
    public static final TransferSyntax JPEG_LS_LOSSLESS = encapsulated(UIDs.JPEGLSLossless);
    public static final TransferSyntax JPEG_LS_NEAR_LOSSLESS = encapsulated(UIDs.JPEGLSNearLossless);
    public static final TransferSyntax JPEG_2000_LOSSLESS = encapsulated(UIDs.JPEG2000Lossless);
    public static final TransferSyntax JPEG_2000 = encapsulated(UIDs.JPEG2000);
    public static final TransferSyntax HTJ2K = encapsulated(UIDs.HTJ2K);
    public static final TransferSyntax RLE_LOSSLESS = encapsulated(UIDs.RLELossless);

    private static TransferSyntax encapsulated(String uid) {
        return new TransferSyntax(uid, true, false, false, true);
    }

    public TransferSyntax {
        Objects.requireNonNull(uid);
    }

    /** The transfer syntax for a UID (trailing NUL/space padding ignored). */
    public static TransferSyntax of(String uid) {
        String u = uid.strip().replace("\0", "");
        return switch (u) {
            case UIDs.ImplicitVRLittleEndian -> IMPLICIT_VR_LITTLE_ENDIAN;
            case UIDs.ExplicitVRLittleEndian -> EXPLICIT_VR_LITTLE_ENDIAN;
            case UIDs.ExplicitVRBigEndian -> EXPLICIT_VR_BIG_ENDIAN;
            case UIDs.DeflatedExplicitVRLittleEndian -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            // the 2024 deflated image frame syntax deflates frames, not the data set
            default -> encapsulated(u);
        };
    }

    /** True for the syntaxes whose pixel data is native (not encapsulated). */
    public boolean isNative() {
        return !encapsulated;
    }

    /** The registry name, or the UID if unknown. */
    public String name() {
        return UidDictionary.standard().nameOf(uid);
    }
}
