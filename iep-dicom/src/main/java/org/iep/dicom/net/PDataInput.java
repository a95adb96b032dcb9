package org.iep.dicom.net;

import java.io.InputStream;
import java.util.function.Function;
import java.util.function.Supplier;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.net.pdu.Pdv;

/**
 * A received data set as a stream: the data fragments of one presentation context, PDV after PDV, up to the one
 * flagged last. A command fragment or another context's fragment in between is a protocol error (PS3.8 9.3.5).
 * Never holds more than one PDV. Not thread-safe.
 */
final class PDataInput extends InputStream {
    private final int contextId;
    private final Supplier<Pdv> next;
    private final Function<String, DicomNetException> protocolError;
    private byte[] data = new byte[0];
    private int pos;
    private boolean last;

    /**
     * @param next the association's next PDV (it throws when the peer asks to release instead)
     * @param protocolError the association's error for a broken sequence (it also aborts)
     */
    PDataInput(int contextId, Supplier<Pdv> next, Function<String, DicomNetException> protocolError) {
        this.contextId = contextId;
        this.next = next;
        this.protocolError = protocolError;
    }

    private boolean fill() {
        while (pos == data.length) {
            if (last) {
                return false;
            }
            Pdv v = next.get();
            if (v.command() || v.contextId() != contextId) {
                throw protocolError.apply("command or other context fragment inside a data set");
            }
            data = v.data();
            pos = 0;
            last = v.last();
        }
        return true;
    }

    @Override
    public int read() {
        return fill() ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int n) {
        if (n == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int k = Math.min(n, data.length - pos);
        System.arraycopy(data, pos, b, off, k);
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return data.length - pos;
    }
}
