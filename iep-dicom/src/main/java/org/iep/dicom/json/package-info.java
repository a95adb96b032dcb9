/**
 * The DICOM JSON model of PS3.18 Annex F.2: {@link org.iep.dicom.json.DicomJsonWriter} (streaming,
 * hand-written, no JSON library) and {@link org.iep.dicom.json.DicomJsonReader}, with BulkDataURI
 * hooks ({@link org.iep.dicom.json.BulkDataUris}). Writers and readers are immutable and
 * thread-safe; non-null unless documented "nullable".
 */
package org.iep.dicom.json;
