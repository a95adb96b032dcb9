package org.iep.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import org.iep.dicom.DicomIoException;

/** Writes DICOM primitives in one byte order; wraps IOExceptions. Not thread-safe. */
final class DicomOutput {

    private final OutputStream out;
    private final boolean bigEndian;
    private final byte[] buf = new byte[8];

    DicomOutput(OutputStream out, boolean bigEndian) {
        this.out = out;
        this.bigEndian = bigEndian;
    }

    boolean isBigEndian() {
        return bigEndian;
    }

    void u16(int v) {
        if (bigEndian) {
            buf[0] = (byte) (v >>> 8);
            buf[1] = (byte) v;
        } else {
            buf[0] = (byte) v;
            buf[1] = (byte) (v >>> 8);
        }
        bytes(buf, 0, 2);
    }

    void u32(long v) {
        for (int i = 0; i < 4; i++) {
            buf[bigEndian ? 3 - i : i] = (byte) (v >>> (8 * i));
        }
        bytes(buf, 0, 4);
    }

    void tag(int tag) {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
    }

    void bytes(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new DicomIoException("write failed: " + e.getMessage(), e);
        }
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    void zeros(int n) {
        for (int i = 0; i < n; i++) {
            try {
                out.write(0);
            } catch (IOException e) {
                throw new DicomIoException("write failed: " + e.getMessage(), e);
            }
        }
    }
}
