package org.iep.adapters.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Reads MLLP frames ({@code 0x0B} message {@code 0x1C 0x0D}) with bounds, so no sender can hold a connection or
 * memory: the frame size is capped, a read inside a frame times out, and the whole frame has a deadline. Not
 * thread-safe: one per connection.
 */
final class MllpFrameReader {
    static final int START = 0x0B;
    static final int END = 0x1C;
    static final int CR = 0x0D;

    /** What the next read produced. */
    sealed interface Result permits Frame, Closed, Refused {
    }

    /** A complete frame's payload. {@code discardedPartial}: an earlier frame lacked its end block. */
    record Frame(byte[] payload, boolean discardedPartial) implements Result {
    }

    /** The sender closed the connection between frames (or mid-frame: nothing is answered then). */
    record Closed(boolean midFrame) implements Result {
    }

    /** The connection must be closed: why, for the log (no content). */
    record Refused(String reason) implements Result {
    }

    private final Socket socket;
    private final BufferedInputStream in;
    private final int maxFrameBytes;
    private final int idleMillis;
    private final int readMillis;
    private final long frameNanos;

    MllpFrameReader(Socket socket, BufferedInputStream in, Hl7Config config) {
        this.socket = socket;
        this.in = in;
        this.maxFrameBytes = config.maxFrameBytes();
        this.idleMillis = (int) config.idleTimeout().toMillis();
        this.readMillis = (int) config.readTimeout().toMillis();
        this.frameNanos = config.frameTimeout().toNanos();
    }

    Result next() throws IOException {
        int b;
        socket.setSoTimeout(idleMillis);
        try {
            do {
                b = in.read();
            } while (b == CR || b == '\n');
        } catch (SocketTimeoutException e) {
            return new Refused("idle timeout");
        }
        if (b == -1) {
            return new Closed(false);
        }
        if (b != START) {
            // Bytes outside a frame: not MLLP. There is no message to answer, so the connection is closed.
            return new Refused("bytes outside an MLLP frame");
        }
        return frame();
    }

    private Result frame() throws IOException {
        socket.setSoTimeout(readMillis);
        long started = System.nanoTime();
        boolean discarded = false;
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        while (true) {
            // The deadline is checked at every read that may block, i.e. when the buffer is refilled.
            if (in.available() == 0 && System.nanoTime() - started > frameNanos) {
                return new Refused("frame not complete within the frame timeout");
            }
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                return new Refused("read timeout inside a frame");
            }
            if (b == -1) {
                return new Closed(true);
            }
            if (b == END) {
                int cr;
                try {
                    cr = in.read();
                } catch (SocketTimeoutException e) {
                    return new Refused("read timeout inside an end block");
                }
                if (cr != CR) {
                    return new Refused("end block without carriage return");
                }
                return new Frame(buf.toByteArray(), discarded);
            }
            if (b == START) {
                // A new start block inside a frame: the previous message lacked its end block. It is dropped
                // (never answered, so the sender resends it) and the new one is read.
                buf.reset();
                discarded = true;
                started = System.nanoTime();
                continue;
            }
            if (buf.size() >= maxFrameBytes) {
                return new Refused("frame larger than " + maxFrameBytes + " bytes");
            }
            buf.write(b);
        }
    }
}
