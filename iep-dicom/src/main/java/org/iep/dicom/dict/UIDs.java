package org.iep.dicom.dict;

/**
 * Hand-picked UID constants (PS3.6 Table A-1 keywords). The full registry, with names and types,
 * is {@link UidDictionary}.
 */
public final class UIDs {

    private UIDs() {
    }

    /**
     * Whether {@code uid} is a well-formed UID (PS3.5 9.1): 1-64 characters, dot-separated numeric components
     * without leading zeros. Hand-written: a regular expression recurses once per component and costs more than
     * the rest of an instance's header checks.
     */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i == uid.length() ? '.' : uid.charAt(i);
            if (c == '.') {
                int len = i - componentStart;
                if (len == 0 || (len > 1 && uid.charAt(componentStart) == '0')) {
                    return false;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static final String ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    public static final String ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    public static final String DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
    public static final String ExplicitVRBigEndian = "1.2.840.10008.1.2.2";
    public static final String JPEGBaseline8Bit = "1.2.840.10008.1.2.4.50";
    public static final String JPEGExtended12Bit = "1.2.840.10008.1.2.4.51";
    public static final String JPEGLossless = "1.2.840.10008.1.2.4.57";
    public static final String JPEGLosslessSV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEGLSLossless = "1.2.840.10008.1.2.4.80";
    public static final String JPEGLSNearLossless = "1.2.840.10008.1.2.4.81";
    public static final String JPEG2000Lossless = "1.2.840.10008.1.2.4.90";
    public static final String JPEG2000 = "1.2.840.10008.1.2.4.91";
    public static final String HTJ2K = "1.2.840.10008.1.2.4.203";
    public static final String RLELossless = "1.2.840.10008.1.2.5";

    public static final String Verification = "1.2.840.10008.1.1";
    public static final String MediaStorageDirectoryStorage = "1.2.840.10008.1.3.10";
    public static final String SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";
    public static final String CTImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MRImageStorage = "1.2.840.10008.5.1.4.1.1.4";

    /**
     * This toolkit's Implementation Class UID (0002,0012): a UUID-derived UID under the 2.25 root
     * (PS3.5 §B.2), fixed so that files written by every IEP version are recognisable.
     */
    public static final String IEPImplementationClassUID = "2.25.258619865474763240966446724234825992452";
    /** This toolkit's Implementation Version Name (0002,0013), at most 16 characters. */
    public static final String IEPImplementationVersionName = "IEP_DICOM_0.1";
}
