/**
 * The PS3.6 data dictionary ({@link org.iep.dicom.dict.ElementDictionary}), the UID registry
 * ({@link org.iep.dicom.dict.UidDictionary}), hand-picked {@link org.iep.dicom.dict.UIDs} constants
 * and {@link org.iep.dicom.dict.TransferSyntax}. The tables are resources copied from
 * shared/dicom/standard and parsed lazily on first use. Everything here is immutable and
 * thread-safe; non-null unless a method says "nullable".
 */
package org.iep.dicom.dict;
