package org.iep.dicom.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.DicomWriteException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.dict.UIDs;

/**
 * Writes DICOM Part 10 files: a zeroed 128-byte preamble, "DICM", the file meta group in explicit
 * VR little endian with a correct (0002,0000) group length, then the data set in the requested
 * transfer syntax (implicit/explicit VR little endian, explicit VR big endian, deflated, or an
 * encapsulated syntax whose fragments are passed through unchanged). Odd values are padded as
 * their VR requires and group lengths in the data set are recomputed. Immutable and thread-safe.
 */
public final class DicomWriter {

    /** How sequence and item lengths are written. */
    public enum SequenceLengths {
        /** Undefined for sequences/items read with undefined length or made in memory, else explicit. */
        AS_READ,
        /** Always undefined length with delimiters. */
        UNDEFINED,
        /** Always explicit (computed) lengths. */
        EXPLICIT
    }

    private final SequenceLengths lengths;

    public DicomWriter(SequenceLengths lengths) {
        this.lengths = lengths;
    }

    /** A writer that keeps sequence lengths as read. */
    public DicomWriter() {
        this(SequenceLengths.AS_READ);
    }

    /** Writes a file read earlier in the syntax it was read with. */
    public void write(Path file, DicomFile dicom) {
        write(file, dicom.fileMeta(), dicom.dataSet(), dicom.transferSyntax());
    }

    /**
     * Writes a Part 10 file.
     *
     * @param fileMeta nullable: meta elements to keep (e.g. Source AE Title); the transfer syntax,
     *     implementation identification, SOP class/instance (when absent) and group length are set here
     */
    public void write(Path file, Attributes fileMeta, Attributes dataSet, TransferSyntax ts) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 65536)) {
            write(out, fileMeta, dataSet, ts);
        } catch (IOException e) {
            throw new DicomIoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A Part 10 file as bytes. */
    public byte[] toBytes(Attributes fileMeta, Attributes dataSet, TransferSyntax ts) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        write(bos, fileMeta, dataSet, ts);
        return bos.toByteArray();
    }

    /** Writes a Part 10 file to a stream (not closed). */
    public void write(OutputStream out, Attributes fileMeta, Attributes dataSet, TransferSyntax ts) {
        Attributes meta = fileMeta(fileMeta, dataSet, ts);
        DicomOutput o = new DicomOutput(out, false);
        o.zeros(128);
        o.bytes(new byte[] {'D', 'I', 'C', 'M'});
        new ElementEncoder(true, lengths).write(o, meta);
        writeDataSet(out, dataSet, ts);
    }

    /**
     * Writes a bare data set (no preamble or meta; group 0002 elements are skipped), e.g. for the
     * network layer. The stream is not closed; for deflated syntaxes the deflater is finished.
     */
    public void writeDataSet(OutputStream out, Attributes dataSet, TransferSyntax ts) {
        checkPixelData(dataSet, ts, 0);
        Attributes ds = dataSet;
        if (hasGroup2(dataSet)) {
            ds = new Attributes();
            for (DicomElement e : dataSet.elements()) {
                if (Tag.group(e.tag()) != 2) {
                    ds.set(e);
                }
            }
        }
        ElementEncoder enc = new ElementEncoder(ts.explicitVr(), lengths);
        if (ts.deflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                DeflaterOutputStream dos = new DeflaterOutputStream(nonClosing(out), deflater, 8192);
                enc.write(new DicomOutput(dos, false), ds);
                dos.finish();
                dos.flush();
            } catch (IOException e) {
                throw new DicomIoException("deflate failed: " + e.getMessage(), e);
            } finally {
                deflater.end();
            }
        } else {
            enc.write(new DicomOutput(out, ts.bigEndian()), ds);
        }
    }

    /**
     * Writes the header of a top-level Pixel Data element as {@link DicomReader#readUntilPixelData()} found it, so
     * that its value can follow from {@link DicomReader#copyPixelData(OutputStream)}: a file is then re-written
     * with its pixel data streamed, never held in memory. Not for deflated syntaxes (the value would have to go
     * through the deflater).
     */
    public void writePixelDataHeader(OutputStream out, PixelDataHeader header, TransferSyntax ts) {
        if (ts.deflated()) {
            throw new DicomWriteException("pixel data cannot be streamed into a deflated data set");
        }
        new ElementEncoder(ts.explicitVr(), lengths).writeHeader(new DicomOutput(out, ts.bigEndian()), header.tag(),
                header.vr(), header.isEncapsulated() ? 0xFFFFFFFFL : header.length());
    }

    /**
     * The number of bytes {@link #writeDataSet} would write for these elements in {@code ts} (before
     * deflation), e.g. to compute DICOMDIR record offsets: an item starts at the offset of the
     * sequence value plus the sizes of the items before it (each 8 + content, + 8 if undefined).
     */
    public long encodedSize(Attributes dataSet, TransferSyntax ts) {
        return new ElementEncoder(ts.explicitVr(), lengths).size(dataSet);
    }

    /** The encoded size of one element, header included, in {@code ts}. */
    public long encodedSize(DicomElement element, TransferSyntax ts) {
        return new ElementEncoder(ts.explicitVr(), lengths).size(element);
    }

    /** The size of the preamble, "DICM" and the meta group that {@link #write} would produce. */
    public long headerSize(Attributes fileMeta, Attributes dataSet, TransferSyntax ts) {
        return 132 + new ElementEncoder(true, lengths).size(fileMeta(fileMeta, dataSet, ts));
    }

    private static boolean hasGroup2(Attributes ds) {
        for (DicomElement e : ds.elements()) {
            if (Tag.group(e.tag()) == 2) {
                return true;
            }
            if (Tag.group(e.tag()) > 2) {
                return false;
            }
        }
        return false;
    }

    private static void checkPixelData(Attributes ds, TransferSyntax ts, int depth) {
        for (DicomElement e : ds.elements()) {
            if (e instanceof FragmentsElement && ts.isNative()) {
                throw new DicomWriteException("the data set has encapsulated (compressed) pixel data; it can "
                        + "only be written in an encapsulated transfer syntax, not " + ts.name()
                        + " (this toolkit does not decompress)");
            }
            if (depth == 0 && e.tag() == Tags.PixelData && e instanceof ValueElement && ts.encapsulated()) {
                throw new DicomWriteException("native pixel data cannot be written in " + ts.name()
                        + " (this toolkit does not compress)");
            }
            if (e instanceof SequenceElement s) {
                for (Attributes item : s.items()) {
                    checkPixelData(item, ts, depth + 1);
                }
            }
        }
    }

    static Attributes fileMeta(Attributes given, Attributes dataSet, TransferSyntax ts) {
        Attributes meta = new Attributes();
        if (given != null) {
            for (DicomElement e : given.elements()) {
                if (Tag.group(e.tag()) == 2) {
                    meta.set(e);
                }
            }
        }
        if (!meta.contains(Tags.FileMetaInformationVersion)) {
            meta.setBytes(Tags.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        }
        copyIfAbsent(meta, Tags.MediaStorageSOPClassUID, dataSet, Tags.SOPClassUID);
        copyIfAbsent(meta, Tags.MediaStorageSOPInstanceUID, dataSet, Tags.SOPInstanceUID);
        meta.setString(Tags.TransferSyntaxUID, VR.UI, ts.uid());
        meta.setString(Tags.ImplementationClassUID, VR.UI, UIDs.IEPImplementationClassUID);
        meta.setString(Tags.ImplementationVersionName, VR.SH, UIDs.IEPImplementationVersionName);
        // the group length element itself is recomputed by the encoder from the other elements
        meta.setInt(Tags.FileMetaInformationGroupLength, VR.UL, 0);
        return meta;
    }

    private static void copyIfAbsent(Attributes meta, int metaTag, Attributes ds, int dsTag) {
        if (meta.contains(metaTag) || !(ds.get(dsTag) instanceof ValueElement v) || v.vr() != VR.UI) {
            return;
        }
        String uid = ds.getString(dsTag);
        if (uid != null) {
            meta.setString(metaTag, VR.UI, uid);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
