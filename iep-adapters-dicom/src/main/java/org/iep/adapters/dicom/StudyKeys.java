package org.iep.adapters.dicom;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iep.api.Problem;
import org.iep.api.spi.StudyQuery;
import org.iep.api.spi.StudySummary;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;

/** Study-root C-FIND identifiers from a {@link StudyQuery}, and {@link StudySummary} from the matches. */
final class StudyKeys {
    static final int QUERY_RETRIEVE_LEVEL = 0x00080052;
    static final int MODALITIES_IN_STUDY = 0x00080061;
    static final int STUDY_RELATED_INSTANCES = 0x00201208;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private StudyKeys() {
    }

    /** The identifier; every key is checked first, so a bad query sends nothing. */
    static Attributes of(StudyQuery q) {
        List<Problem> problems = new ArrayList<>();
        check("patientId", q.patientId(), 64, problems);
        check("accessionNumber", q.accessionNumber(), 16, problems);
        check("modality", q.modality(), 16, problems);
        if (q.from().isPresent() && q.to().isPresent() && q.from().get().isAfter(q.to().get())) {
            problems.add(new Problem("from", "must not be after 'to'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDicomInputException(DicomAdapterErrorCode.INVALID_QUERY, problems);
        }
        Attributes keys = new Attributes();
        keys.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        keys.setString(QUERY_RETRIEVE_LEVEL, VR.CS, "STUDY");
        keys.setString(Tags.StudyDate, VR.DA, range(q.from(), q.to()));
        keys.setString(Tags.AccessionNumber, VR.SH, q.accessionNumber().orElse(""));
        keys.setString(MODALITIES_IN_STUDY, VR.CS, q.modality().orElse(""));
        keys.setString(Tags.StudyDescription, VR.LO, "");
        keys.setString(Tags.PatientName, VR.PN, "");
        keys.setString(Tags.PatientID, VR.LO, q.patientId().orElse(""));
        keys.setString(Tags.PatientBirthDate, VR.DA, "");
        keys.setString(Tags.StudyInstanceUID, VR.UI, "");
        keys.setString(STUDY_RELATED_INSTANCES, VR.IS, "");
        return keys;
    }

    /** The identifier of one study, for C-MOVE and C-GET. */
    static Attributes study(String studyInstanceUid) {
        Attributes keys = new Attributes();
        keys.setString(QUERY_RETRIEVE_LEVEL, VR.CS, "STUDY");
        keys.setString(Tags.StudyInstanceUID, VR.UI, studyInstanceUid);
        return keys;
    }

    /** A match without a Study Instance UID is useless to a caller and is left out (empty). */
    static Optional<StudySummary> summary(Attributes m) {
        String uid = m.getString(Tags.StudyInstanceUID, "");
        if (uid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StudySummary(uid, m.getString(Tags.PatientID, ""), m.getString(Tags.PatientName, ""),
                m.getString(Tags.PatientBirthDate, ""), m.getString(Tags.AccessionNumber, ""),
                m.getString(Tags.StudyDate, ""), m.getString(Tags.StudyDescription, ""),
                String.join("\\", m.getStrings(MODALITIES_IN_STUDY)),
                m.getInt(STUDY_RELATED_INSTANCES, -1)));
    }

    /**
     * Some nodes ignore Modalities in Study as a matching key (it is optional) yet return it; such a match is
     * dropped here. A node that returns no modalities cannot be checked and its match is kept.
     */
    static boolean matchesModality(StudySummary s, StudyQuery q) {
        return q.modality().isEmpty() || s.modalities().isEmpty()
                || java.util.Arrays.asList(s.modalities().split("\\\\")).contains(q.modality().get());
    }

    private static String range(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return "";
        }
        return from.map(DA::format).orElse("") + "-" + to.map(DA::format).orElse("");
    }

    private static void check(String field, Optional<String> value, int max, List<Problem> problems) {
        if (value.isEmpty()) {
            return;
        }
        String v = value.get();
        if (v.isEmpty() || v.length() > max) {
            problems.add(new Problem(field, "must be 1-" + max + " characters"));
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == '\\' || c == 0x7F) {
                problems.add(new Problem(field, "must not contain a backslash or control characters"));
                return;
            }
        }
    }
}
