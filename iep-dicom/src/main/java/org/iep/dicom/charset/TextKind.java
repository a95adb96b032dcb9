package org.iep.dicom.charset;

/**
 * What kind of text a value holds, which decides the delimiters at which ISO 2022 code extension
 * state returns to the initial designations (PS3.5 §6.1.2.5.3).
 */
public enum TextKind {
    /** Multi-valued strings (SH, LO, UC...): backslash separates values. */
    MULTI_VALUED("\\"),
    /** Person names: component (^), group (=) and value (\) delimiters. */
    PERSON_NAME("^=\\"),
    /** Free text (ST, LT, UT): the control characters CR, LF, TAB and FF. */
    TEXT("\r\n\t\f");

    private final String delimiters;

    TextKind(String delimiters) {
        this.delimiters = delimiters;
    }

    /** True if the 7-bit byte or character {@code c} resets ISO 2022 state for this kind. */
    public boolean isDelimiter(int c) {
        return c < 0x80 && delimiters.indexOf(c) >= 0;
    }
}
