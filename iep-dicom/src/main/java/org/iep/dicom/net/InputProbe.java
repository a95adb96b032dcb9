package org.iep.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;

/**
 * Whether bytes are waiting on an association's socket without consuming them. Over TLS nothing shows as available
 * until a record has been read and decrypted, so there it reads one byte ahead with a short timeout and keeps it in
 * the buffer (a timed-out TLS read leaves the connection usable). Used only by the thread reading the association.
 */
final class InputProbe {
    /** Over TLS a cheap check reads ahead for 1 ms at most this often: 2 % of a loop asking between responses. */
    static final long TLS_PEEK_EVERY_MS = 50;

    private final Socket socket;
    private final InputStream in;
    private long lastTlsPeek = System.nanoTime();

    InputProbe(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** Bytes are waiting: what the stream has, and over TLS a 1 ms read-ahead at most every 50 ms. */
    boolean pending() throws IOException {
        if (in.available() > 0) {
            return true;
        }
        if (!(socket instanceof SSLSocket) || System.nanoTime() - lastTlsPeek < TLS_PEEK_EVERY_MS * 1_000_000L) {
            return false;
        }
        lastTlsPeek = System.nanoTime();
        return readAhead(1);
    }

    /** A byte arrives within {@code millis} (at least 1), or the stream ended: either way the next read tells. */
    boolean readAhead(int millis) throws IOException {
        if (!in.markSupported()) {
            return false; // only streams handed in by tests; sockets are read through a BufferedInputStream
        }
        int saved = socket.getSoTimeout();
        socket.setSoTimeout(Math.max(1, millis));
        try {
            in.mark(1);
            in.read();
            in.reset();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(saved);
        }
    }
}
