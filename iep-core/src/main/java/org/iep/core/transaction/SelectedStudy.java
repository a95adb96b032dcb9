package org.iep.core.transaction;

/**
 * A study picked for a transfer: its Study Instance UID (at most 64 characters of digits and dots, no leading zeros
 * in a component), accession number (at most 16 characters) and description (at most 64). Fields may be null and
 * are validated.
 */
public record SelectedStudy(String studyInstanceUid, String accessionNumber, String description) {
}
