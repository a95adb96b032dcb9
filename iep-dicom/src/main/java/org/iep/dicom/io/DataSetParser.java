package org.iep.dicom.io;

import org.iep.dicom.DicomParseException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.ElementDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses data set elements from a {@link DicomInput} in one transfer syntax mode. Handles defined
 * and undefined lengths, nested sequences (depth-bounded), encapsulated fragments, CP-246 (UN of
 * undefined length is an implicit VR little endian sequence) and byte swapping of big-endian
 * binary values. Not thread-safe.
 */
final class DataSetParser {

    static final long UNDEFINED = 0xFFFFFFFFL;

    private final DicomInput in;
    private static final Logger LOG = LoggerFactory.getLogger(DataSetParser.class);

    private final int maxDepth;
    private final boolean lenient;
    private final boolean stopAtPixelData;
    private final ElementDictionary dict = ElementDictionary.standard();
    /** Set when the top level stopped before (7FE0,0010): its header. */
    private PixelDataHeader pixelHeader;
    /** When non-zero, the top level stops at the first tag at or above this one (its tag is consumed). */
    private final int stopAtTag;

    DataSetParser(DicomInput in, ReadOptions options, boolean stopAtPixelData) {
        this(in, options, stopAtPixelData, 0);
    }

    DataSetParser(DicomInput in, ReadOptions options, boolean stopAtPixelData, int stopAtTag) {
        this.in = in;
        this.maxDepth = options.maxDepth();
        this.lenient = options.clampOverrunningContainers();
        this.stopAtPixelData = stopAtPixelData;
        this.stopAtTag = stopAtTag;
    }

    PixelDataHeader pixelHeader() {
        return pixelHeader;
    }

    /**
     * Reads elements into {@code ds} until {@code end} (absolute position), or an Item Delimitation
     * Item when {@code end < 0} and depth > 0, or the end of data at the top level.
     */
    void readDataSet(Attributes ds, long end, int depth, boolean explicit) {
        boolean top = depth == 0;
        while (true) {
            if (end >= 0 && in.position() >= end) {
                if (in.position() > end) {
                    throw new DicomParseException(in.position(), "element overruns its item's declared length");
                }
                break;
            }
            if ((top && end < 0 || lenient && !top) && in.atEnd()) {
                if (!top) {
                    LOG.warn("Item ends early at the end of data (byte {}); reading leniently", in.position());
                }
                break;
            }
            long start = in.position();
            int tag = in.tag("a tag");
            if (tag == Tag.ITEM_DELIMITATION) {
                in.u32("an item delimitation length");
                if (top || end >= 0) {
                    throw new DicomParseException(start, "item delimitation item outside an item of undefined length");
                }
                return;
            }
            if (Tag.group(tag) == 0xFFFE) {
                throw new DicomParseException(start, "unexpected " + Tag.format(tag) + " in a data set");
            }
            if (top && stopAtTag != 0 && Integer.compareUnsigned(tag, stopAtTag) >= 0) {
                break;
            }
            if (top && tag == Tags.PixelData && stopAtPixelData) {
                readPixelHeader(tag, explicit, start);
                break;
            }
            readElement(ds, tag, depth, explicit, start);
        }
        if (!explicit) {
            AmbiguousVr.resolve(ds, dict);
        }
    }

    /** Reads one element (tag included) at the top level, e.g. a file meta element. */
    void readOne(Attributes ds, boolean explicit) {
        long start = in.position();
        int tag = in.tag("a tag");
        if (Tag.group(tag) == 0xFFFE) {
            throw new DicomParseException(start, "unexpected " + Tag.format(tag) + " in a data set");
        }
        readElement(ds, tag, 0, explicit, start);
    }

    private void readElement(Attributes ds, int tag, int depth, boolean explicit, long start) {
        VR vr;
        long len;
        if (explicit) {
            byte[] code = new byte[2];
            in.readFully(code, 0, 2, "a VR");
            vr = VR.ofCode(code[0] & 0xFF, code[1] & 0xFF);
            if (vr == null) {
                throw new DicomParseException(start, String.format("invalid VR bytes %02x %02x for %s",
                        code[0] & 0xFF, code[1] & 0xFF, Tag.format(tag)));
            }
            if (vr.hasLongHeader()) {
                in.u16("a reserved field");
                len = in.u32("a value length");
            } else {
                len = in.u16("a value length");
            }
        } else {
            vr = dict.vrOf(tag);
            len = in.u32("a value length");
        }
        String what = Tag.format(tag);
        if (vr == VR.SQ || (len == UNDEFINED && vr == VR.UN && tag != Tags.PixelData)) {
            // CP-246: an UN (or unknown implicit) element of undefined length is a sequence in implicit VR LE
            boolean itemsExplicit = explicit && vr == VR.SQ;
            if (vr != VR.SQ && in.isBigEndian()) {
                throw new DicomParseException(start, "UN of undefined length in big endian " + what);
            }
            readSequence(ds, tag, len, depth, itemsExplicit);
        } else if (len == UNDEFINED) {
            if (vr != VR.OB && vr != VR.OW) {
                throw new DicomParseException(start, "undefined length for " + vr + " element " + what);
            }
            // PS3.5 A.4: encapsulated pixel data is OB whatever the header says (dcmtk agrees)
            ds.set(readFragments(tag, VR.OB, depth));
        } else {
            byte[] value = in.value(len, what);
            if (in.isBigEndian()) {
                swap(value, vr);
            }
            ds.set(ValueElement.wrap(tag, vr, value));
        }
    }

    private void readSequence(Attributes ds, int tag, long len, int depth, boolean explicit) {
        if (depth + 1 > maxDepth) {
            throw new DicomParseException(in.position(), "sequences nested deeper than " + maxDepth);
        }
        long end = len == UNDEFINED ? -1 : Math.addExact(in.position(), clamp(len, Tag.format(tag)));
        SequenceElement seq = new SequenceElement(tag, len == UNDEFINED ? -1 : len);
        ds.set(seq);
        while (end < 0 || in.position() < end) {
            if (lenient && in.atEnd()) {
                LOG.warn("Sequence {} ends early at the end of data; reading leniently", Tag.format(tag));
                return;
            }
            long start = in.position();
            int itemTag = in.tag("an item tag");
            long itemLen = in.u32("an item length");
            if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    throw new DicomParseException(start, "sequence delimiter inside a sequence of defined length");
                }
                break;
            }
            if (itemTag != Tag.ITEM) {
                throw new DicomParseException(start, "expected an item in " + Tag.format(tag) + ", found "
                        + Tag.format(itemTag));
            }
            Attributes item = seq.addItem();
            item.setDeclaredLength(itemLen == UNDEFINED ? -1 : itemLen);
            item.setStreamPosition(start);
            long itemEnd = -1;
            if (itemLen != UNDEFINED) {
                itemEnd = Math.addExact(in.position(), clamp(itemLen, "an item of " + Tag.format(tag)));
                if (end >= 0 && itemEnd > end) {
                    throw new DicomParseException(start, "item overruns the length of sequence " + Tag.format(tag));
                }
            }
            readDataSet(item, itemEnd, depth + 1, explicit);
        }
        if (end >= 0 && in.position() != end) {
            throw new DicomParseException(in.position(), "items overrun the length of sequence " + Tag.format(tag));
        }
    }

    /** A container length, checked against the data left; clamped to it in lenient mode. */
    private long clamp(long len, String what) {
        long left = in.remaining();
        if (lenient && left >= 0 && len > left) {
            LOG.warn("Length {} of {} exceeds the {} bytes left; reading to the end of data", len, what, left);
            return left;
        }
        in.checkAvailable(len, what);
        return len;
    }

    private FragmentsElement readFragments(int tag, VR vr, int depth) {
        FragmentsElement frags = new FragmentsElement(tag, vr);
        while (true) {
            long start = in.position();
            int itemTag = in.tag("a fragment tag");
            long len = in.u32("a fragment length");
            if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                return frags;
            }
            if (itemTag != Tag.ITEM) {
                throw new DicomParseException(start, "expected a fragment item in " + Tag.format(tag)
                        + ", found " + Tag.format(itemTag));
            }
            if (len == UNDEFINED) {
                throw new DicomParseException(start, "fragment of undefined length in " + Tag.format(tag));
            }
            frags.addItem(in.value(len, "a fragment of " + Tag.format(tag)));
        }
    }

    private void readPixelHeader(int tag, boolean explicit, long start) {
        VR vr = VR.OW;
        long len;
        if (explicit) {
            byte[] code = new byte[2];
            in.readFully(code, 0, 2, "a VR");
            vr = VR.ofCode(code[0] & 0xFF, code[1] & 0xFF);
            if (vr == null || !vr.hasLongHeader()) {
                throw new DicomParseException(start, "invalid VR for Pixel Data");
            }
            in.u16("a reserved field");
        }
        len = in.u32("a value length");
        pixelHeader = new PixelDataHeader(tag, vr, in.position(), len == UNDEFINED ? -1 : len);
    }

    /** Big endian to little endian in place, per the VR's value size. */
    static void swap(byte[] b, VR vr) {
        int size = vr.valueSize();
        if (vr == VR.AT) {
            size = 2; // AT is a pair of 16-bit numbers
        }
        if (size <= 1) {
            return;
        }
        for (int off = 0; off + size <= b.length; off += size) {
            for (int i = 0, j = off + size - 1, k = off; i < size / 2; i++, j--, k++) {
                byte t = b[k];
                b[k] = b[j];
                b[j] = t;
            }
        }
    }
}
