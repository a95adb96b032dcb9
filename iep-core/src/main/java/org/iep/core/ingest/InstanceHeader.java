package org.iep.core.ingest;

import java.util.ArrayList;
import java.util.List;
import org.iep.api.Problem;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.io.DicomFile;

/**
 * The fields ingest needs from an instance's header, validated: the four UIDs must be well-formed UIDs (digits and
 * single dots, at most 64 characters), because they are compared and indexed — though never used to name anything.
 */
record InstanceHeader(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid,
                      String transferSyntaxUid, String patientId, String patientName, String birthDate,
                      String accessionNumber, String modality, String studyDescription, String studyDate) {


    static InstanceHeader of(DicomFile file) {
        Attributes ds = file.dataSet();
        List<Problem> problems = new ArrayList<>();
        InstanceHeader h = new InstanceHeader(
                uid(ds, Tags.StudyInstanceUID, "StudyInstanceUID", problems),
                uid(ds, Tags.SeriesInstanceUID, "SeriesInstanceUID", problems),
                uid(ds, Tags.SOPInstanceUID, "SOPInstanceUID", problems),
                uid(ds, Tags.SOPClassUID, "SOPClassUID", problems),
                file.transferSyntax().uid(),
                text(ds, Tags.PatientID, "PatientID", problems),
                text(ds, Tags.PatientName, "PatientName", problems),
                text(ds, Tags.PatientBirthDate, "PatientBirthDate", problems),
                text(ds, Tags.AccessionNumber, "AccessionNumber", problems),
                text(ds, Tags.Modality, "Modality", problems),
                text(ds, Tags.StudyDescription, "StudyDescription", problems),
                text(ds, Tags.StudyDate, "StudyDate", problems));
        if (!problems.isEmpty()) {
            throw new NotIngestibleException(problems);
        }
        return h;
    }

    private static String uid(Attributes ds, int tag, String name, List<Problem> problems) {
        String v = text(ds, tag, name, problems);
        if (v.isEmpty()) {
            problems.add(new Problem(name, "is missing"));
        } else if (!UIDs.isValid(v)) {
            problems.add(new Problem(name, "is not a valid UID (digits and single dots, at most 64 characters)"));
        }
        return v;
    }

    private static String text(Attributes ds, int tag, String name, List<Problem> problems) {
        try {
            String v = ds.getString(tag);
            return v == null ? "" : v.strip();
        } catch (DicomException e) {
            problems.add(new Problem(name, "cannot be read as text"));
            return "";
        }
    }
}
