package org.iep.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A sequence (VR SQ) of items. Each item is an {@link Attributes} whose parent is the data set
 * that holds this sequence, so that a Specific Character Set is inherited by items that do not
 * declare their own. Mutable (items can be added); not thread-safe.
 */
public final class SequenceElement implements DicomElement {

    private final int tag;
    private final List<Attributes> items = new ArrayList<>();
    private final long declaredLength;
    private Attributes owner;

    /**
     * @param tag the sequence's tag
     * @param declaredLength the length as read from a stream, or -1 for undefined length / new
     */
    public SequenceElement(int tag, long declaredLength) {
        this.tag = tag;
        this.declaredLength = declaredLength;
    }

    /** A new, empty sequence with undefined length. */
    public SequenceElement(int tag) {
        this(tag, -1);
    }

    @Override
    public int tag() {
        return tag;
    }

    @Override
    public VR vr() {
        return VR.SQ;
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The items, in order (unmodifiable view; use {@link #addItem()} to add). */
    public List<Attributes> items() {
        return Collections.unmodifiableList(items);
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** The i-th item. */
    public Attributes item(int i) {
        return items.get(i);
    }

    /** Appends and returns a new empty item. */
    public Attributes addItem() {
        Attributes item = new Attributes(this::owner);
        items.add(item);
        return item;
    }

    /** Appends an existing item; it becomes a child of this sequence. */
    public Attributes addItem(Attributes item) {
        Objects.requireNonNull(item);
        item.attachTo(this::owner);
        items.add(item);
        return item;
    }

    /** The value length as read (a number), or -1 for undefined length or a sequence made in memory. */
    public long declaredLength() {
        return declaredLength;
    }

    /** True if the sequence was read with undefined length or made in memory. */
    public boolean isUndefinedLength() {
        return declaredLength < 0;
    }

    /** Nullable: the data set that holds this sequence. */
    Attributes owner() {
        return owner;
    }

    void setOwner(Attributes owner) {
        this.owner = owner;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceElement s && s.tag == tag && s.items.equals(items);
    }

    @Override
    public int hashCode() {
        return tag * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return Tag.format(tag) + " SQ #" + items.size();
    }
}
