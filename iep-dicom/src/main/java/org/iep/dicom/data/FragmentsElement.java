package org.iep.dicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item followed by fragments, carried
 * as bytes exactly as read (no decompression). Not thread-safe.
 */
public final class FragmentsElement implements DicomElement {

    private final int tag;
    private final VR vr;
    private final List<byte[]> items = new ArrayList<>();

    /** An element with an empty offset table and no fragments. */
    public FragmentsElement(int tag, VR vr) {
        if (vr != VR.OB && vr != VR.OW && vr != VR.UN) {
            throw new IllegalArgumentException("encapsulated pixel data must be OB or OW, not " + vr);
        }
        this.tag = tag;
        this.vr = vr;
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
        return items.isEmpty();
    }

    /**
     * Adds an item: the first added is the Basic Offset Table, the next ones are fragments. The
     * array is owned by the element from now on (not copied: pixel data can be large).
     */
    public void addItem(byte[] item) {
        items.add(item);
    }

    /** All items in order, offset table first; arrays are shared, do not modify them. */
    public List<byte[]> items() {
        return Collections.unmodifiableList(items);
    }

    /** The Basic Offset Table bytes (empty if the table is empty or absent). */
    public byte[] offsetTable() {
        return items.isEmpty() ? new byte[0] : items.get(0).clone();
    }

    /** The fragments after the offset table; arrays are shared, do not modify them. */
    public List<byte[]> fragments() {
        return items.isEmpty() ? List.of() : Collections.unmodifiableList(items.subList(1, items.size()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FragmentsElement f) || f.tag != tag || f.vr != vr || f.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!Arrays.equals(items.get(i), f.items.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return tag * 31 + items.size();
    }

    @Override
    public String toString() {
        return Tag.format(tag) + " " + vr + " fragments #" + items.size();
    }
}
