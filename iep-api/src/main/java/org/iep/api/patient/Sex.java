package org.iep.api.patient;

/** Patient's sex as DICOM (0010,0040) codes it: M, F, O, or unknown (empty). */
public enum Sex {
    MALE("M"), FEMALE("F"), OTHER("O"), UNKNOWN("");

    private final String dicomCode;

    Sex(String dicomCode) {
        this.dicomCode = dicomCode;
    }

    public String dicomCode() {
        return dicomCode;
    }
}
