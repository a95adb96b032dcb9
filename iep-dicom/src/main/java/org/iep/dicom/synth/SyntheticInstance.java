package org.iep.dicom.synth;

/**
 * Where one generated instance sits: 1-based patient, study (within the patient), series (within the study) and
 * instance (within the series) numbers. Immutable.
 */
public record SyntheticInstance(int patient, int study, int series, int instance) {

    /**
     * The instance's ISO 9660 file ID relative to the file-set root, components separated by '/':
     * {@code PAT00001/STU00001/SER00001/IMG00001}.
     */
    public String fileId() {
        return String.format("PAT%05d/STU%05d/SER%05d/IMG%05d", patient, study, series, instance);
    }

    String patientKey() {
        return "patient/" + patient;
    }

    String studyKey() {
        return patientKey() + "/study/" + study;
    }

    String seriesKey() {
        return studyKey() + "/series/" + series;
    }

    String instanceKey() {
        return seriesKey() + "/instance/" + instance;
    }
}
