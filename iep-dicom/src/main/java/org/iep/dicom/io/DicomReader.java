package org.iep.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.DicomParseException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;

/**
 * Reads DICOM Part 10 files and bare data sets the way dcmtk does: a 128-byte preamble and "DICM"
 * followed by the file meta group; or meta elements at offset 0 without preamble and "DICM"; or no
 * meta at all, in which case the transfer syntax is guessed from the first element (explicit or
 * implicit VR, byte order). Supports implicit/explicit VR little endian, explicit VR big endian,
 * deflated explicit VR little endian and encapsulated pixel data (kept as fragments).
 *
 * <p>Every malformed, truncated or non-DICOM input ends in a {@link DicomParseException} with the
 * byte offset; lengths are checked against the data left (when known) before allocating, and
 * nesting is bounded by {@link #DEFAULT_MAX_DEPTH}.
 *
 * <p>Usage: {@code DicomReader.read(path)} for a whole file; for large images
 * {@code try (DicomReader r = DicomReader.open(path)) { DicomFile h = r.readUntilPixelData();
 * r.copyPixelData(out); }}. Not thread-safe; one reader per stream.
 */
public final class DicomReader implements AutoCloseable {

    /** Maximum sequence nesting depth of {@link ReadOptions#STRICT}. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final int PREAMBLE = 128;

    private final InputStream source;
    private final DicomInput in;
    private final ReadOptions options;
    private DataSetParser parser;
    private Attributes meta;
    private Attributes dataSet;
    private TransferSyntax ts;
    private PixelDataHeader pixel;
    private boolean pixelConsumed;

    private DicomReader(InputStream source, long length, ReadOptions options) {
        this.source = source;
        this.in = new DicomInput(source, length);
        this.options = options;
    }

    /** Opens a file (its size bounds every length check). The caller closes the reader. */
    public static DicomReader open(Path file, ReadOptions options) {
        try {
            return new DicomReader(Files.newInputStream(file), Files.size(file), options);
        } catch (IOException e) {
            throw new DicomIoException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file with {@link ReadOptions#STRICT}. */
    public static DicomReader open(Path file) {
        return open(file, ReadOptions.STRICT);
    }

    /** Reads from a stream of unknown length; closing the reader closes the stream. */
    public static DicomReader open(InputStream stream, ReadOptions options) {
        return new DicomReader(stream, -1, options);
    }

    /** Reads from a stream with {@link ReadOptions#STRICT}. */
    public static DicomReader open(InputStream stream) {
        return open(stream, ReadOptions.STRICT);
    }

    /** Reads a whole file. */
    public static DicomFile read(Path file, ReadOptions options) {
        try (DicomReader r = open(file, options)) {
            return r.readAll();
        }
    }

    /** Reads a whole file with {@link ReadOptions#STRICT}. */
    public static DicomFile read(Path file) {
        return read(file, ReadOptions.STRICT);
    }

    /** Reads a whole file held in memory with {@link ReadOptions#STRICT}. */
    public static DicomFile read(byte[] data) {
        return read(data, ReadOptions.STRICT);
    }

    /** Reads a whole file held in memory (its size bounds every length check). */
    public static DicomFile read(byte[] data, ReadOptions options) {
        try (DicomReader r = new DicomReader(new ByteArrayInputStream(data), data.length, options)) {
            return r.readAll();
        }
    }

    /** Reads everything, pixel data included. */
    public DicomFile readAll() {
        start(false);
        parser.readDataSet(dataSet, -1, 0, ts.explicitVr());
        return new DicomFile(meta, dataSet, ts, null);
    }

    /**
     * Reads the meta and data set up to, not including, the top-level Pixel Data element and
     * returns them with the pixel data header ({@link DicomFile#pixelData()}; null if there is no
     * pixel data, in which case the whole data set was read). Continue with
     * {@link #copyPixelData(OutputStream)} or {@link #skipPixelData()}, then optionally
     * {@link #readRest()}.
     */
    public DicomFile readUntilPixelData() {
        start(true);
        parser.readDataSet(dataSet, -1, 0, ts.explicitVr());
        pixel = parser.pixelHeader();
        return new DicomFile(meta, dataSet, ts, pixel);
    }

    /**
     * Copies the pixel data value to {@code out} as encoded in the stream (byte order of the
     * transfer syntax; for encapsulated data the raw items up to and including the sequence
     * delimiter) and returns the number of bytes copied.
     */
    public long copyPixelData(OutputStream out) {
        if (pixel == null || pixelConsumed) {
            throw new IllegalStateException("call readUntilPixelData() first; pixel data absent or already consumed");
        }
        pixelConsumed = true;
        if (!pixel.isEncapsulated()) {
            in.copy(pixel.length(), out, "Pixel Data");
            return pixel.length();
        }
        long start = in.position();
        boolean big = in.isBigEndian();
        while (true) {
            long itemStart = in.position();
            byte[] header = new byte[8];
            in.readFully(header, 0, 8, "a fragment header");
            write(out, header);
            int tag = (int) (le16(header, 0) << 16 | le16(header, 2));
            long len = le16(header, 4) | le16(header, 6) << 16;
            if (big) {
                throw new DicomParseException(itemStart, "encapsulated pixel data in big endian");
            }
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                return in.position() - start;
            }
            if (tag != Tag.ITEM || len == DataSetParser.UNDEFINED) {
                throw new DicomParseException(itemStart, "malformed fragment item " + Tag.format(tag));
            }
            in.copy(len, out, "a pixel data fragment");
        }
    }

    /** Skips the pixel data value. */
    public void skipPixelData() {
        copyPixelData(OutputStream.nullOutputStream());
    }

    /** After the pixel data was copied or skipped: reads the elements that follow it. */
    public DicomFile readRest() {
        if (!pixelConsumed) {
            throw new IllegalStateException("copy or skip the pixel data first");
        }
        DataSetParser rest = new DataSetParser(in, options, false);
        rest.readDataSet(dataSet, -1, 0, ts.explicitVr());
        return new DicomFile(meta, dataSet, ts, pixel);
    }

    /**
     * Reads the meta and the top-level elements whose tags are below {@code tag} (e.g. 0x00110000 for everything
     * up to the Patient module), for a quick look at an instance's identity without reading it all. The stream is
     * left inside the next element's header, so the reader cannot continue; read a fresh copy to ingest it.
     */
    public DicomFile readUntil(int tag) {
        start(true, tag);
        parser.readDataSet(dataSet, -1, 0, ts.explicitVr());
        return new DicomFile(meta, dataSet, ts, null);
    }

    private void start(boolean stopAtPixelData) {
        start(stopAtPixelData, 0);
    }

    private void start(boolean stopAtPixelData, int stopAtTag) {
        if (parser != null) {
            throw new IllegalStateException("a DicomReader reads its stream once");
        }
        parser = new DataSetParser(in, options, stopAtPixelData, stopAtTag);
        meta = new Attributes();
        dataSet = new Attributes();
        byte[] head = in.peek(PREAMBLE + 4);
        if (head.length == 0) {
            throw new DicomParseException(0, "empty input is not DICOM");
        }
        if (head.length == PREAMBLE + 4 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            in.skip(PREAMBLE + 4, "the preamble");
            readMeta();
        } else if (looksLikeMeta(head)) {
            readMeta(); // meta information without preamble and "DICM", as dcmtk accepts it
        }
        String tsUid = transferSyntaxUid();
        ts = tsUid == null ? guess() : TransferSyntax.of(tsUid);
        if (ts.bigEndian()) {
            in.bigEndian(true);
        }
        if (ts.deflated()) {
            in.inflateRest(options.maxInflatedBytes());
        }
    }

    /** Nullable: the meta's Transfer Syntax UID; a damaged element is a parse error, not a value error. */
    private String transferSyntaxUid() {
        DicomElement e = meta.get(Tags.TransferSyntaxUID);
        if (e == null) {
            return null;
        }
        if (!(e instanceof ValueElement v) || !v.vr().isString()) {
            throw new DicomParseException(in.position(), "Transfer Syntax UID (0002,0010) has VR " + e.vr());
        }
        return meta.getString(Tags.TransferSyntaxUID);
    }

    private static boolean looksLikeMeta(byte[] h) {
        return h.length >= 8 && h[0] == 2 && h[1] == 0 && h[3] == 0 && VR.ofCode(h[4] & 0xFF, h[5] & 0xFF) != null;
    }

    private void readMeta() {
        while (true) {
            byte[] p = in.peek(2);
            if (p.length < 2 || p[0] != 2 || p[1] != 0) {
                return;
            }
            parser.readOne(meta, true);
        }
    }

    /** Guesses the data set encoding from its first element, as dcmtk does without meta information. */
    private TransferSyntax guess() {
        byte[] h = in.peek(6);
        if (h.length < 6) {
            if (h.length == 0) {
                return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN; // meta only, no data set
            }
            throw new DicomParseException(in.position(), "data too short for a DICOM element");
        }
        int groupLe = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
        int groupBe = (h[0] & 0xFF) << 8 | (h[1] & 0xFF);
        boolean explicit = VR.ofCode(h[4] & 0xFF, h[5] & 0xFF) != null;
        if (!explicit) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN; // there is no implicit VR big endian syntax
        }
        return groupBe < groupLe ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    private static long le16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static void write(OutputStream out, byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new DicomIoException("cannot write pixel data: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new DicomIoException("cannot close the input: " + e.getMessage(), e);
        }
    }
}
