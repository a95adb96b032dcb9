package org.iep.dicom.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An element whose value is a byte string: every VR except SQ and encapsulated pixel data.
 * Binary values are held in little-endian order whatever the transfer syntax they were read
 * from (readers swap big-endian input, writers swap for big-endian output); strings are held as
 * the encoded bytes of the data set's character set, decoded on access by {@link Attributes}.
 * Immutable as long as nobody modifies an array passed to {@link #wrap}; thread-safe then.
 */
public final class ValueElement implements DicomElement {

    private static final byte[] EMPTY = new byte[0];

    private final int tag;
    private final VR vr;
    private final byte[] value;

    private ValueElement(int tag, VR vr, byte[] value) {
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("use SequenceElement for SQ: " + Tag.format(tag));
        }
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr);
        this.value = value;
    }

    /** An element with a copy of {@code value}. */
    public static ValueElement of(int tag, VR vr, byte[] value) {
        return new ValueElement(tag, vr, value.clone());
    }

    /** An element with no value. */
    public static ValueElement empty(int tag, VR vr) {
        return new ValueElement(tag, vr, EMPTY);
    }

    /**
     * An element that takes ownership of {@code value} without copying it (used by readers for
     * large values); the caller must not modify the array afterwards.
     */
    public static ValueElement wrap(int tag, VR vr, byte[] value) {
        return new ValueElement(tag, vr, value);
    }

    @Override
    public int tag() {
        return tag;
    }

    @Override
    public VR vr() {
        return vr;
    }

    @Override
    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Value length in bytes (as held; may be odd for values read from non-conformant files). */
    public int length() {
        return value.length;
    }

    /** A copy of the value bytes (little endian for binary VRs). */
    public byte[] bytes() {
        return value.clone();
    }

    /** The byte at {@code index}. */
    public byte byteAt(int index) {
        return value[index];
    }

    /** The value bytes without a copy, for encoders in this module; do not modify. */
    public byte[] unsafeBytes() {
        return value;
    }

    /** The same value with another VR (e.g. after resolving an implicit-VR ambiguity). */
    public ValueElement withVr(VR newVr) {
        return new ValueElement(tag, newVr, value);
    }

    /**
     * Binary values as signed longs (US, UL, UV read unsigned; SS, SL, SV signed; AT as the tag
     * value); an empty array for strings.
     */
    public long[] longs() {
        return BinaryValues.longs(vr, value);
    }

    /** FL, FD, OF, OD values as doubles; integers as their numeric value. */
    public double[] doubles() {
        return BinaryValues.doubles(vr, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueElement v && v.tag == tag && v.vr == vr && Arrays.equals(v.value, value);
    }

    @Override
    public int hashCode() {
        return tag * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return Tag.format(tag) + " " + vr + " #" + value.length;
    }
}
