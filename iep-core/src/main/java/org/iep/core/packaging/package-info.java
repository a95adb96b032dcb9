/**
 * Download packages laid out per IHE PDI: {@code DICOMDIR} at the root, the instances under {@code DICOM/} with
 * ISO 9660 file IDs, reports under {@code REPORTS/}, {@code README.TXT} and {@code IHE_PDI/INDEX.HTM}. The zip is
 * streamed straight from the blob store (no temporary copy, constant memory), deterministic for the same content so
 * an interrupted download resumes from a byte offset, and optionally AES-256 encrypted.
 */
package org.iep.core.packaging;
