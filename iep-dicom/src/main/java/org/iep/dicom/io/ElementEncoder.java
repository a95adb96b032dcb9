package org.iep.dicom.io;

import org.iep.dicom.DicomWriteException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;

/**
 * Encodes data sets in one transfer syntax mode: computes encoded sizes (for explicit sequence
 * and item lengths and group lengths) and writes elements, padding odd values and swapping bytes
 * for big endian. Stateless apart from its mode; thread-safe.
 */
final class ElementEncoder {

    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final boolean explicit;
    private final DicomWriter.SequenceLengths lengths;

    ElementEncoder(boolean explicit, DicomWriter.SequenceLengths lengths) {
        this.explicit = explicit;
        this.lengths = lengths;
    }

    /** Encoded size of a whole data set (or item content). */
    long size(Attributes ds) {
        long n = 0;
        for (DicomElement e : ds.elements()) {
            n = Math.addExact(n, size(e));
        }
        return n;
    }

    /** Encoded size of an element, header included. */
    long size(DicomElement e) {
        if (e instanceof SequenceElement s) {
            long n = header(VR.SQ) + valueLength(s);
            return undefined(s) ? n + 8 : n;
        }
        if (e instanceof FragmentsElement f) {
            return header(f.vr()) + fragmentsLength(f) + 8;
        }
        ValueElement v = (ValueElement) e;
        return header(v.vr()) + padded(v.length());
    }

    private long header(VR vr) {
        return explicit && vr.hasLongHeader() ? 12 : 8;
    }

    private static long padded(long len) {
        return (len & 1) == 0 ? len : len + 1;
    }

    private boolean undefined(SequenceElement s) {
        return switch (lengths) {
            case UNDEFINED -> true;
            case EXPLICIT -> false;
            case AS_READ -> s.isUndefinedLength();
        };
    }

    private boolean undefined(Attributes item) {
        return switch (lengths) {
            case UNDEFINED -> true;
            case EXPLICIT -> false;
            case AS_READ -> item.declaredLength() < 0;
        };
    }

    /** Value length of a sequence without its delimiter. */
    private long valueLength(SequenceElement s) {
        long n = 0;
        for (Attributes item : s.items()) {
            n = Math.addExact(n, 8 + size(item) + (undefined(item) ? 8 : 0));
        }
        return n;
    }

    private static long fragmentsLength(FragmentsElement f) {
        long n = 0;
        for (byte[] item : f.items()) {
            n = Math.addExact(n, 8 + padded(item.length));
        }
        return n;
    }

    void write(DicomOutput out, Attributes ds) {
        for (DicomElement e : ds.elements()) {
            if (Tag.isGroupLength(e.tag()) && e instanceof ValueElement v && v.vr() == VR.UL && v.length() == 4) {
                writeGroupLength(out, ds, e.tag());
            } else {
                write(out, e);
            }
        }
    }

    /** Group lengths are recomputed for the target encoding: the stored value may be stale. */
    private void writeGroupLength(DicomOutput out, Attributes ds, int tag) {
        long n = 0;
        for (DicomElement e : ds.elements()) {
            if (Tag.group(e.tag()) == Tag.group(tag) && e.tag() != tag) {
                n = Math.addExact(n, size(e));
            }
        }
        if (n > 0xFFFFFFFFL) {
            throw new DicomWriteException("group " + Tag.format(tag) + " is too long for a group length");
        }
        writeHeader(out, tag, VR.UL, 4);
        out.u32(n);
    }

    void write(DicomOutput out, DicomElement e) {
        if (e instanceof SequenceElement s) {
            boolean undef = undefined(s);
            writeHeader(out, s.tag(), VR.SQ, undef ? UNDEFINED : checked(valueLength(s), s.tag()));
            for (Attributes item : s.items()) {
                boolean itemUndef = undefined(item);
                out.tag(Tag.ITEM);
                out.u32(itemUndef ? UNDEFINED : checked(size(item), s.tag()));
                write(out, item);
                if (itemUndef) {
                    out.tag(Tag.ITEM_DELIMITATION);
                    out.u32(0);
                }
            }
            if (undef) {
                out.tag(Tag.SEQUENCE_DELIMITATION);
                out.u32(0);
            }
        } else if (e instanceof FragmentsElement f) {
            if (out.isBigEndian()) {
                throw new DicomWriteException("encapsulated pixel data cannot be written in big endian");
            }
            writeHeader(out, f.tag(), f.vr(), UNDEFINED);
            for (byte[] item : f.items()) {
                out.tag(Tag.ITEM);
                out.u32(padded(item.length));
                out.bytes(item);
                if ((item.length & 1) == 1) {
                    out.zeros(1);
                }
            }
            out.tag(Tag.SEQUENCE_DELIMITATION);
            out.u32(0);
        } else {
            writeValue(out, (ValueElement) e);
        }
    }

    private void writeValue(DicomOutput out, ValueElement v) {
        byte[] b = v.unsafeBytes();
        writeHeader(out, v.tag(), v.vr(), padded(b.length));
        if (out.isBigEndian() && v.vr().valueSize() > 1) {
            b = b.clone();
            DataSetParser.swap(b, v.vr()); // swapping is its own inverse
        }
        out.bytes(b);
        if ((b.length & 1) == 1) {
            byte[] pad = {v.vr().padding()};
            out.bytes(pad);
        }
    }

    private static long checked(long len, int tag) {
        if (len >= UNDEFINED) {
            throw new DicomWriteException(Tag.format(tag) + " is too long for an explicit length");
        }
        return len;
    }

    void writeHeader(DicomOutput out, int tag, VR vr, long length) {
        out.tag(tag);
        if (!explicit) {
            out.u32(length);
            return;
        }
        out.bytes(new byte[] {(byte) vr.name().charAt(0), (byte) vr.name().charAt(1)});
        if (vr.hasLongHeader()) {
            out.u16(0);
            out.u32(length);
        } else if (length > 0xFFFF) {
            throw new DicomWriteException(Tag.format(tag) + " " + vr + " value of " + length
                    + " bytes does not fit a 16-bit length in explicit VR");
        } else {
            out.u16((int) length);
        }
    }
}
