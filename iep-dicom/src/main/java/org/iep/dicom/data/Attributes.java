package org.iep.dicom.data;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;
import org.iep.dicom.charset.SpecificCharacterSet;

/**
 * A data set (or sequence item): elements ordered by tag (unsigned order, so (FFFC,FFFC) sorts
 * last), with typed accessors that decode strings with the Specific Character Set in effect. An
 * item without its own (0008,0005) inherits the one of the data set that holds its sequence.
 *
 * <p>Nullable returns are documented per method. Mutable and not thread-safe: confine an instance
 * to one thread or publish it safely and stop modifying it.
 */
public final class Attributes {

    // Sorted by unsigned tag in two parallel arrays: parsers add elements in ascending order, so a set is
    // mostly an append, and a lookup a binary search without boxing (a TreeMap cost 16 % of ingest's CPU).
    private int[] tags = new int[16];
    private DicomElement[] values = new DicomElement[16];
    private int size;
    private int modCount;
    private Supplier<Attributes> parent;
    private long declaredLength = -1;
    private long streamPosition = -1;

    /** An empty top-level data set. */
    public Attributes() {
        this.parent = () -> null;
    }

    Attributes(Supplier<Attributes> parent) {
        this.parent = parent;
    }

    void attachTo(Supplier<Attributes> newParent) {
        this.parent = newParent;
    }

    /** Nullable: the data set holding the sequence this item belongs to; null for a top-level set. */
    public Attributes parent() {
        return parent.get();
    }

    /** For items read from a stream: the item length as read, or -1 for undefined length. */
    public long declaredLength() {
        return declaredLength;
    }

    /** Records the item length as read (informational, used by dumps); -1 for undefined. */
    public void setDeclaredLength(long length) {
        this.declaredLength = length;
    }

    /**
     * For items read from a stream: the byte offset of the item's (FFFE,E000) tag in the stream the
     * reader decoded (the file for non-deflated syntaxes), which is what DICOMDIR offsets such as
     * (0004,1400) point at; -1 for data sets made in memory.
     */
    public long streamPosition() {
        return streamPosition;
    }

    /** Records where the item was read (informational). */
    public void setStreamPosition(long position) {
        this.streamPosition = position;
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The elements in tag order (unmodifiable live view; its iterator fails with
     * ConcurrentModificationException when the data set is changed during iteration).
     */
    public Collection<DicomElement> elements() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<DicomElement> iterator() {
                return new Iterator<>() {
                    private final int expected = modCount;
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public DicomElement next() {
                        if (modCount != expected) {
                            throw new ConcurrentModificationException();
                        }
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return values[next++];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Nullable: the element with this tag. */
    public DicomElement get(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** Removes and returns (nullable) the element with this tag. */
    public DicomElement remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        DicomElement old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        values[--size] = null;
        modCount++;
        return old;
    }

    /** Adds or replaces an element; returns the previous one (nullable). */
    public DicomElement set(DicomElement element) {
        Objects.requireNonNull(element);
        if (element instanceof SequenceElement seq) {
            seq.setOwner(this);
        }
        int tag = element.tag();
        int i = size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0 ? -size - 1 : indexOf(tag);
        if (i >= 0) {
            DicomElement old = values[i];
            values[i] = element;
            return old;
        }
        int at = -i - 1;
        if (size == tags.length) {
            tags = Arrays.copyOf(tags, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        tags[at] = tag;
        values[at] = element;
        size++;
        modCount++;
        return null;
    }

    /** The index of {@code tag}, else -(insertion point) - 1, as {@link Arrays#binarySearch(int[], int)}. */
    private int indexOf(int tag) {
        int key = tag ^ Integer.MIN_VALUE; // unsigned order as signed
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = tags[mid] ^ Integer.MIN_VALUE;
            if (v < key) {
                lo = mid + 1;
            } else if (v > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** The character set in effect for this data set: its own (0008,0005), else the parent's. */
    public SpecificCharacterSet specificCharacterSet() {
        for (Attributes a = this; a != null; a = a.parent()) {
            DicomElement e = a.get(Tags.SpecificCharacterSet);
            if (e instanceof ValueElement v) {
                return SpecificCharacterSet.of(Values.strings(v, SpecificCharacterSet.DEFAULT));
            }
        }
        return SpecificCharacterSet.DEFAULT;
    }

    /** Nullable: the first value of a string or number element as text; null if absent or empty. */
    public String getString(int tag) {
        String[] v = getStrings(tag);
        return v.length == 0 ? null : v[0];
    }

    /** The first value as text, or {@code defaultValue} if absent or empty. */
    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? defaultValue : s;
    }

    /**
     * All values as text (decoded with the character set in effect, padding removed); an empty
     * array if absent or empty.
     *
     * @throws org.iep.dicom.DicomValueException for sequences and bulk binary VRs (OB, OW, UN...)
     */
    public String[] getStrings(int tag) {
        DicomElement e = get(tag);
        if (e == null) {
            return new String[0];
        }
        return Values.strings(Values.requireValue(e), specificCharacterSet());
    }

    /** The first value as an int, or {@code defaultValue} if absent or empty. */
    public int getInt(int tag, int defaultValue) {
        long[] v = getLongs(tag);
        return v.length == 0 ? defaultValue : Values.toInt(tag, v[0]);
    }

    /** All values as ints (IS strings parsed; US/SS/UL/SL decoded). */
    public int[] getInts(int tag) {
        long[] v = getLongs(tag);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Values.toInt(tag, v[i]);
        }
        return out;
    }

    /** All values as longs (IS strings parsed; binary integers decoded, UV as raw 64 bits). */
    public long[] getLongs(int tag) {
        DicomElement e = get(tag);
        return e == null ? new long[0] : Values.longs(Values.requireValue(e));
    }

    /** The first value as a double, or {@code defaultValue} if absent or empty. */
    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    /** All values as doubles (DS/IS strings parsed; FL/FD/OF/OD and integers decoded). */
    public double[] getDoubles(int tag) {
        DicomElement e = get(tag);
        return e == null ? new double[0] : Values.doubles(Values.requireValue(e));
    }

    /**
     * Nullable: the private creator (e.g. "GEMS_IDEN_01") that reserved the block of a private
     * data element, read from (gggg,00xx) of this data set; null if none or not a private element.
     */
    public String getPrivateCreator(int tag) {
        int creator = Tag.creatorOf(tag);
        return creator < 0 ? null : getString(creator);
    }

    /** Nullable: a copy of the raw value bytes (little endian for binary VRs), null if absent. */
    public byte[] getBytes(int tag) {
        DicomElement e = get(tag);
        return e instanceof ValueElement v ? v.bytes() : null;
    }

    /** Nullable: the sequence with this tag, null if absent or not a sequence. */
    public SequenceElement getSequence(int tag) {
        return get(tag) instanceof SequenceElement s ? s : null;
    }

    /** The items of a sequence; empty if absent. */
    public List<Attributes> getItems(int tag) {
        SequenceElement s = getSequence(tag);
        return s == null ? List.of() : s.items();
    }

    /**
     * Sets string values, encoded with the character set in effect now (so set
     * (0008,0005) first) and padded by writers as the VR requires.
     */
    public void setString(int tag, VR vr, String... values) {
        set(ValueElement.wrap(tag, vr, Values.encodeStrings(vr, tag == Tags.SpecificCharacterSet
                ? SpecificCharacterSet.DEFAULT : specificCharacterSet(), values)));
    }

    /** Sets integer values for US, SS, UL, SL, SV, UV, AT (as tags) or IS (as text). */
    public void setInt(int tag, VR vr, long... values) {
        set(ValueElement.wrap(tag, vr, Values.encodeLongs(vr, values)));
    }

    /** Sets floating point values for FL, FD, OF, OD or DS (as text). */
    public void setDouble(int tag, VR vr, double... values) {
        set(ValueElement.wrap(tag, vr, Values.encodeDoubles(vr, values)));
    }

    /** Sets raw bytes (copied; little endian for binary VRs). */
    public void setBytes(int tag, VR vr, byte[] value) {
        set(ValueElement.of(tag, vr, value));
    }

    /** Sets an element with no value. */
    public void setEmpty(int tag, VR vr) {
        set(vr == VR.SQ ? new SequenceElement(tag) : ValueElement.empty(tag, vr));
    }

    /** Creates, adds and returns an empty sequence. */
    public SequenceElement newSequence(int tag) {
        SequenceElement s = new SequenceElement(tag);
        set(s);
        return s;
    }

    /** A deep copy (sequences and items copied; value arrays shared, they are immutable). */
    public Attributes copy() {
        Attributes out = new Attributes();
        copyInto(out);
        return out;
    }

    private void copyInto(Attributes out) {
        out.declaredLength = declaredLength;
        out.streamPosition = streamPosition;
        for (int i = 0; i < size; i++) {
            DicomElement e = values[i];
            if (e instanceof SequenceElement s) {
                SequenceElement t = new SequenceElement(s.tag(), s.declaredLength());
                out.set(t);
                for (Attributes item : s.items()) {
                    item.copyInto(t.addItem());
                }
            } else {
                out.set(e);
            }
        }
    }

    /** The tags in order. */
    public List<Integer> tags() {
        List<Integer> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(tags[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes a) || a.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != a.tags[i] || !values[i].equals(a.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += tags[i]; // as the tag set's hash: equal data sets have equal tags
        }
        return h;
    }

    @Override
    public String toString() {
        return "Attributes[" + size + " elements]";
    }
}
