/**
 * DICOMDIR (PS3.10 §8, PS3.3 Annex F): reading a Basic Directory into a tree of records, and writing one for a set
 * of Part 10 files.
 *
 * <p>{@link org.iep.dicom.dicomdir.DicomDirReader} follows the record offsets (not the order of the sequence),
 * refuses offsets that point at no record, loops and absurd depths, and refuses every Referenced File ID that could
 * leave the file-set root ({@code ..}, absolute paths, separators or drive letters inside a component), all with
 * {@link org.iep.dicom.DicomDirException}. {@link org.iep.dicom.dicomdir.DicomDirWriter} builds PATIENT / STUDY /
 * SERIES and one leaf record per file, typed by SOP class (IMAGE, SR DOCUMENT, PRESENTATION, WAVEFORM, RT DOSE ...)
 * with the keys PS3.3 F.5 asks for, and writes it in explicit VR little endian with correct offsets. It refuses file
 * names that are not DICOM file IDs; {@link org.iep.dicom.dicomdir.FileSetLayout} copies files under compliant
 * names first.
 *
 * <p>Nullness: parameters and returns are non-null unless documented as nullable. Readers and writers are
 * stateless and thread-safe; results hold mutable {@link org.iep.dicom.data.Attributes} and are not.
 */
package org.iep.dicom.dicomdir;
