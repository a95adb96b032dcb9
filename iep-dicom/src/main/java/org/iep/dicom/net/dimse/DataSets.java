package org.iep.dicom.net.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.dict.UidDictionary;
import org.iep.dicom.dict.UidEntry;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;

/** Small data sets (query identifiers) to and from bare bytes in a negotiated transfer syntax. */
final class DataSets {
    /** Identifiers are small; a bigger one is refused rather than held. */
    static final int MAX_IDENTIFIER = 4 << 20;
    private static final DicomWriter WRITER = new DicomWriter();

    private DataSets() {
    }

    static byte[] encode(Attributes ds, TransferSyntax ts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        WRITER.writeDataSet(o, ds, ts);
        return o.toByteArray();
    }

    /** Reads a whole (capped) identifier from a data stream and parses it. */
    static Attributes read(InputStream in, TransferSyntax ts) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_IDENTIFIER + 1);
            if (bytes.length > MAX_IDENTIFIER) {
                in.transferTo(OutputStreamNull.INSTANCE);
                throw new DicomNetException(DicomErrorCode.NET_DIMSE_MALFORMED, "identifier longer than "
                        + MAX_IDENTIFIER + " bytes");
            }
        } catch (IOException e) {
            throw new DicomNetException(DicomErrorCode.NET_IO, "cannot read identifier: " + e.getMessage(), e);
        }
        // a Part 10 header in front tells the reader the transfer syntax instead of letting it guess
        Attributes meta = new Attributes();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        WRITER.write(h, meta, new Attributes(), ts);
        int headerSize = (int) WRITER.headerSize(meta, new Attributes(), ts);
        byte[] whole = new byte[headerSize + bytes.length];
        System.arraycopy(h.toByteArray(), 0, whole, 0, headerSize);
        System.arraycopy(bytes, 0, whole, headerSize, bytes.length);
        return DicomReader.read(whole).dataSet();
    }

    /** Storage SOP classes by dictionary name; unknown (private) SOP classes are storage too. */
    static boolean isStorage(String sopClass) {
        UidEntry e = UidDictionary.standard().lookup(sopClass);
        if (e == null) {
            return true;
        }
        return "SOP Class".equals(e.type()) && e.name().contains("Storage") && !e.name().contains("Commitment");
    }

    /** Discards bytes. */
    static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
