package org.iep.core.packaging;

import java.io.IOException;
import java.io.OutputStream;

/** Where package entries go: a plain deterministic zip, or an AES-256 encrypted one. */
interface ZipSink extends AutoCloseable {

    /**
     * Starts an entry; write its content to {@link #body()}.
     *
     * @param compress deflate the entry (text); DICOM is stored as is, since most of it compresses poorly and
     *                 packages must stream at disk speed
     * @param size the entry's exact length
     */
    void begin(String name, boolean compress, long size) throws IOException;

    /**
     * Starts a stored entry whose CRC-32 is known before its bytes; sinks that compute their own ignore it.
     *
     * @param crc the CRC-32 of the entry's {@code size} bytes
     */
    default void begin(String name, boolean compress, long size, long crc) throws IOException {
        begin(name, compress, size);
    }

    OutputStream body();

    void end() throws IOException;

    /** Writes the central directory; the underlying stream stays open. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
