/**
 * DICOM Part 10 reading ({@link org.iep.dicom.io.DicomReader}) and writing
 * ({@link org.iep.dicom.io.DicomWriter}) in implicit/explicit VR little endian, explicit VR big
 * endian, deflated explicit VR little endian and encapsulated syntaxes (fragments passed through).
 * Readers and writers are single-use and not thread-safe; non-null unless documented "nullable".
 */
package org.iep.dicom.io;
