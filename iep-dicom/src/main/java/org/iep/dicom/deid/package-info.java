/**
 * De-identification per DICOM PS3.15 Annex E: the Basic Application Level Confidentiality Profile and its options,
 * driven by Table E.1-1 (kept as the resource {@code deidentification.tsv}, copied from the standard's tables),
 * with keyed deterministic UIDs and patient pseudonyms, an optional per-patient date shift, and streaming of the
 * pixel data so files of any size pass in constant memory.
 */
package org.iep.dicom.deid;
