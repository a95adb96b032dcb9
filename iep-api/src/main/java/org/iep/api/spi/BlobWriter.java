package org.iep.api.spi;

import java.io.IOException;
import java.io.OutputStream;

/** Produces a blob's content by writing it, for producers that push (re-encoders) rather than offer a stream. */
@FunctionalInterface
public interface BlobWriter {
    /** Writes the whole content to {@code out} (not closed by the writer); throwing means "no blob". */
    void writeTo(OutputStream out) throws IOException;
}
