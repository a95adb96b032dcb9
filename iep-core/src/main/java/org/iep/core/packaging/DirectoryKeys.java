package org.iep.core.packaging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;

/**
 * Fills the DICOMDIR keys of type 1 that an instance lacks, as dcmmkdir does with {@code +I}: real studies often come
 * without Study ID or Series Number, and a package must not fail on that. Only the copy the DICOMDIR is built from is
 * changed; the packaged files stay exactly as stored. Invented values are conservative: dates come from the instance's
 * other dates when it has any, else from the day the transaction was created; numbers count in package order.
 */
final class DirectoryKeys {
    private static final int PATIENT_ID = 0x00100020;
    private static final int STUDY_DATE = 0x00080020;
    private static final int STUDY_TIME = 0x00080030;
    private static final int MODALITY = 0x00080060;
    private static final int STUDY_ID = 0x00200010;
    private static final int SERIES_NUMBER = 0x00200011;
    private static final int INSTANCE_NUMBER = 0x00200013;
    private static final int[] OTHER_DATES = {0x00080021, 0x00080022, 0x00080023, 0x00080012};
    private static final int[] OTHER_TIMES = {0x00080031, 0x00080032, 0x00080033, 0x00080013};
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private DirectoryKeys() {
    }

    /**
     * {@code header} with every missing or empty key set, in place: it is the DICOMDIR's own parse of the bytes on
     * their way, used for nothing else (the directory writer copies what it takes).
     */
    static Attributes complete(Attributes header, String patientId, Instant created, int seriesOrdinal,
                               int instanceOrdinal) {
        Attributes a = header;
        fill(a, PATIENT_ID, VR.LO, patientId.isEmpty() ? "UNKNOWN" : patientId);
        fill(a, STUDY_DATE, VR.DA, firstOf(a, OTHER_DATES, DA.format(created)));
        fill(a, STUDY_TIME, VR.TM, firstOf(a, OTHER_TIMES, "000000"));
        fill(a, STUDY_ID, VR.SH, "1");
        fill(a, MODALITY, VR.CS, "OT");
        fill(a, SERIES_NUMBER, VR.IS, String.valueOf(seriesOrdinal));
        fill(a, INSTANCE_NUMBER, VR.IS, String.valueOf(instanceOrdinal));
        return a;
    }

    private static void fill(Attributes a, int tag, VR vr, String value) {
        String present = text(a, tag);
        if (present.isEmpty()) {
            a.setString(tag, vr, value);
        }
    }

    private static String firstOf(Attributes a, int[] tags, String fallback) {
        for (int t : tags) {
            String v = text(a, t);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return fallback;
    }

    private static String text(Attributes a, int tag) {
        try {
            String v = a.getString(tag);
            return v == null ? "" : v.strip();
        } catch (RuntimeException e) {
            // an unreadable value counts as missing: the record gets a clean one
            return "";
        }
    }
}
