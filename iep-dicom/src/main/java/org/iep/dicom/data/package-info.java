/**
 * The DICOM data model: {@link org.iep.dicom.data.Tag} and {@link org.iep.dicom.data.VR},
 * elements ({@link org.iep.dicom.data.ValueElement}, {@link org.iep.dicom.data.SequenceElement},
 * {@link org.iep.dicom.data.FragmentsElement}) and the ordered data set
 * {@link org.iep.dicom.data.Attributes} with typed, character-set aware accessors.
 *
 * <p>Binary values are stored little endian regardless of the transfer syntax they came from;
 * strings are stored as encoded bytes and decoded on access with the Specific Character Set in
 * effect (an item inherits its parent's unless it declares its own). Non-null unless a method
 * says "nullable". Data sets are mutable and not thread-safe; elements are immutable.
 */
package org.iep.dicom.data;
