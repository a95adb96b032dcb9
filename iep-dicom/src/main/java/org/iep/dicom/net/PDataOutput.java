package org.iep.dicom.net;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A data set or command on its way out: fragments into P-DATA-TF PDUs (PS3.8 9.3.5) holding one PDV each, no
 * longer than the peer's maximum; the last fragment, flagged so, is sent on close. One per message; not
 * thread-safe.
 */
final class PDataOutput extends OutputStream {
    /** Checks, before each PDU, that the association may still send. */
    @FunctionalInterface
    interface OpenCheck {
        void check() throws IOException;
    }

    private final OutputStream out;
    private final int pc;
    private final int command;
    private final byte[] buf;
    private final OpenCheck open;
    private int len;
    private boolean done;

    PDataOutput(OutputStream out, int pc, boolean command, int sendPdu, OpenCheck open) {
        this.out = out;
        this.pc = pc;
        this.command = command ? 1 : 0;
        this.open = open;
        // PDU body = PDV item length (4) + context ID (1) + control header (1) + data
        this.buf = new byte[Math.max(1, sendPdu - 6)];
    }

    @Override
    public void write(int b) throws IOException {
        if (len == buf.length) {
            emit(false);
        }
        buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        while (n > 0) {
            if (len == buf.length) {
                emit(false);
            }
            int k = Math.min(n, buf.length - len);
            System.arraycopy(b, off, buf, len, k);
            len += k;
            off += k;
            n -= k;
        }
    }

    private void emit(boolean last) throws IOException {
        open.check();
        int pduLen = len + 6;
        byte[] h = new byte[12];
        h[0] = org.iep.dicom.net.pdu.Pdu.P_DATA_TF;
        put32(h, 2, pduLen);
        put32(h, 6, len + 2);
        h[10] = (byte) pc;
        h[11] = (byte) (command | (last ? 2 : 0));
        out.write(h);
        out.write(buf, 0, len);
        len = 0;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            emit(true);
            out.flush();
        }
    }

    private static void put32(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
