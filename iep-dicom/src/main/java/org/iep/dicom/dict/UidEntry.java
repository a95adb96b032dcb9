package org.iep.dicom.dict;

/**
 * One PS3.6 Table A-1 row. Immutable.
 *
 * @param uid the UID
 * @param name e.g. "Explicit VR Little Endian"
 * @param type e.g. "Transfer Syntax", "SOP Class"
 * @param keyword e.g. "ExplicitVRLittleEndian" (may be empty)
 * @param retired true if retired
 * @param info extra text from the table, e.g. "Default Transfer Syntax for DICOM" (may be empty)
 */
public record UidEntry(String uid, String name, String type, String keyword, boolean retired, String info) {
}
