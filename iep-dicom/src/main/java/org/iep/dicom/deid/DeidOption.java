package org.iep.dicom.deid;

/**
 * The options of PS3.15 Table E.1-1, each with its column in the table and its code in CID 7050 (De-identification
 * Method, coding scheme DCM), written to (0012,0064).
 */
public enum DeidOption {
    RETAIN_SAFE_PRIVATE("retain_safe_private", "113111", "Retain Safe Private Option"),
    RETAIN_UIDS("retain_uids", "113110", "Retain UIDs Option"),
    RETAIN_DEVICE_IDENTITY("retain_device_identity", "113109", "Retain Device Identity Option"),
    RETAIN_INSTITUTION_IDENTITY("retain_institution_identity", "113112", "Retain Institution Identity Option"),
    RETAIN_PATIENT_CHARACTERISTICS("retain_patient_characteristics", "113108", "Retain Patient Characteristics Option"),
    RETAIN_LONG_FULL_DATES("retain_long_full_dates", "113106",
            "Retain Longitudinal Temporal Information Full Dates Option"),
    RETAIN_LONG_MODIFIED_DATES("retain_long_modified_dates", "113107",
            "Retain Longitudinal Temporal Information Modified Dates Option"),
    CLEAN_DESCRIPTORS("clean_descriptors", "113105", "Clean Descriptors Option"),
    CLEAN_STRUCTURED_CONTENT("clean_structured_content", "113104", "Clean Structured Content Option"),
    CLEAN_GRAPHICS("clean_graphics", "113103", "Clean Graphics Option");

    /** CID 7050 code of the Basic Application Confidentiality Profile itself. */
    public static final String BASIC_CODE = "113100";
    public static final String BASIC_MEANING = "Basic Application Confidentiality Profile";

    private final String column;
    private final String code;
    private final String meaning;

    DeidOption(String column, String code, String meaning) {
        this.column = column;
        this.code = code;
        this.meaning = meaning;
    }

    public String column() {
        return column;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
