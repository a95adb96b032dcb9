/**
 * The IEP DICOM toolkit: the exception family shared by all sub-packages.
 *
 * <p>Sub-packages: {@code data} (the data model: tags, VRs, elements, data sets), {@code dict}
 * (PS3.6 dictionary, UIDs, transfer syntaxes), {@code charset} (Specific Character Set decoding
 * and encoding), {@code io} (Part 10 reading and writing), {@code json} (PS3.18 DICOM JSON) and
 * {@code tool} (the command-line tool).
 *
 * <p>Nullness: parameters and return values are non-null unless documented as "nullable"
 * (the module has no annotation dependency). All exceptions thrown for bad input are subclasses of
 * the sealed, unchecked {@link org.iep.dicom.DicomException}, each with a stable code.
 */
package org.iep.dicom;
