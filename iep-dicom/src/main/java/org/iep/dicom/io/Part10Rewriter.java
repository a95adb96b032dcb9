package org.iep.dicom.io;

import java.io.InputStream;
import java.io.OutputStream;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.DicomParseException;
import org.iep.dicom.data.Tags;

/**
 * Re-writes a DICOM stream as a clean Part 10 file in the transfer syntax it came in: zeroed preamble, file meta
 * made afresh (transfer syntax, SOP class and instance, our implementation identification, plus the given extra
 * meta elements such as Source AE Title), the data set re-encoded, and the pixel data copied stream to stream so a
 * multi-gigabyte file passes in constant memory. The same input always gives the same bytes. Deflated data sets are
 * read whole (they are rare and small) and limited to {@link #MAX_DEFLATED_BYTES}. Not thread-safe; one per stream.
 */
public final class Part10Rewriter {
    /** Deflated inputs are held in memory to be re-deflated; larger ones are refused. */
    public static final long MAX_DEFLATED_BYTES = 64L * 1024 * 1024;

    private final DicomWriter writer = new DicomWriter();
    private final ReadOptions options;

    public Part10Rewriter(ReadOptions options) {
        this.options = options;
    }

    /**
     * Reads {@code in} (not closed) and writes the clean file to {@code out} (not closed); returns what was read up
     * to the pixel data (meta, data set without pixel data, transfer syntax) for indexing. Throws the toolkit's
     * typed exceptions for input that is not DICOM or is truncated; whatever was written by then is incomplete.
     */
    public DicomFile rewrite(InputStream in, Attributes extraMeta, OutputStream out) {
        DicomReader reader = DicomReader.open(new NonClosingInput(in), options);
        DicomFile header = reader.readUntilPixelData();
        Attributes meta = extraMeta == null ? new Attributes() : extraMeta.copy();
        if (header.transferSyntax().deflated()) {
            return rewriteDeflated(reader, header, meta, out);
        }
        writer.write(out, meta, header.dataSet(), header.transferSyntax());
        if (header.pixelData() == null) {
            return header;
        }
        writer.writePixelDataHeader(out, header.pixelData(), header.transferSyntax());
        reader.copyPixelData(out);
        Attributes before = header.dataSet().copy();
        DicomFile rest = reader.readRest();
        Attributes after = new Attributes();
        for (DicomElement e : rest.dataSet().elements()) {
            if (Integer.compareUnsigned(e.tag(), Tags.PixelData) > 0) {
                after.set(e);
            }
        }
        if (!after.isEmpty()) {
            writer.writeDataSet(out, after, header.transferSyntax());
        }
        return new DicomFile(header.fileMeta(), before, header.transferSyntax(), header.pixelData());
    }

    private DicomFile rewriteDeflated(DicomReader reader, DicomFile header, Attributes meta, OutputStream out) {
        DicomFile whole = header;
        if (header.pixelData() != null) {
            PixelDataHeader pixel = header.pixelData();
            if (pixel.isEncapsulated() || pixel.length() > MAX_DEFLATED_BYTES) {
                throw new DicomParseException(pixel.valuePosition(), "deflated pixel data that is encapsulated or"
                        + " larger than " + MAX_DEFLATED_BYTES + " bytes");
            }
            java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream((int) pixel.length());
            reader.copyPixelData(value);
            Attributes before = header.dataSet().copy();
            whole = reader.readRest();
            whole.dataSet().setBytes(Tags.PixelData, pixel.vr(), value.toByteArray());
            writer.write(out, meta, whole.dataSet(), whole.transferSyntax());
            return new DicomFile(header.fileMeta(), before, header.transferSyntax(), pixel);
        }
        writer.write(out, meta, whole.dataSet(), whole.transferSyntax());
        return whole;
    }

    /** The reader closes its input when done; the caller owns {@code in}. */
    private static final class NonClosingInput extends java.io.FilterInputStream {
        NonClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes the stream it gave us
        }
    }
}
