package org.iep.dicom.data;

/**
 * One data element of a data set: a {@link ValueElement} (bytes of a value of any VR but SQ), a
 * {@link SequenceElement} (items) or a {@link FragmentsElement} (encapsulated pixel data).
 */
public sealed interface DicomElement permits ValueElement, SequenceElement, FragmentsElement {

    /** The tag as {@code 0xGGGGEEEE}. */
    int tag();

    /** The value representation. */
    VR vr();

    /** True if the element has no value (zero length, no items, or no fragments). */
    boolean isEmpty();
}
