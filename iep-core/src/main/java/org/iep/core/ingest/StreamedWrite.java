package org.iep.core.ingest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.core.pseudonym.InstancePseudonymiser;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.Part10Rewriter;
import org.iep.dicom.io.ReadOptions;

/**
 * Re-writes a DICOM stream straight into the blob store, in constant memory, through {@link BlobStore#write}: the
 * rewriter parses and re-encodes the input into the store's own output (for the file system store, the temporary
 * file itself, on the caller's thread). If the input turns out broken or truncated, the rewriter's exception leaves
 * no blob behind and reaches the caller. Thread-safe; each call is independent.
 */
final class StreamedWrite {

    /**
     * What was stored, what the writer counted while writing it, and for a pseudonymised instance whom its
     * pseudonym stands for.
     */
    record Written(BlobInfo info, DicomFile header, long size, Optional<PseudonymLink> link) {
    }

    private StreamedWrite() {
    }

    static Written write(BlobStore blobs, BlobKey key, InputStream source, Attributes extraMeta,
                         Checkpoints checkpoints) {
        DicomFile[] header = new DicomFile[1];
        long[] count = new long[1];
        BlobInfo info = blobs.write(key, out -> {
            CheckpointOnce o = new CheckpointOnce(out, checkpoints, Ingest.STEP_WRITING);
            header[0] = new Part10Rewriter(ReadOptions.LENIENT).rewrite(source, extraMeta, o);
            o.flush();
            count[0] = o.count;
        });
        return new Written(info, header[0], count[0], Optional.empty());
    }

    /**
     * Writes the pseudonymised form of {@code source}; the header to index is the one the de-identifier wrote, so
     * the index holds exactly what the blob does and never an original.
     */
    static Written pseudonymised(BlobStore blobs, BlobKey key, InputStream source, InstancePseudonymiser p,
                                 Clock clock, Checkpoints checkpoints) {
        InstancePseudonymiser.Written[] written = new InstancePseudonymiser.Written[1];
        long[] count = new long[1];
        BlobInfo info = blobs.write(key, out -> {
            CheckpointOnce o = new CheckpointOnce(out, checkpoints, Ingest.STEP_WRITING);
            written[0] = p.write(source, o, clock.instant());
            o.flush();
            count[0] = o.count;
        });
        return new Written(info, written[0].header(), count[0], Optional.of(written[0].link()));
    }

    /** Counts what passes and reports one checkpoint once the first 64 KiB are through (the blob is partly written). */
    private static final class CheckpointOnce extends FilterOutputStream {
        private final Checkpoints checkpoints;
        private final String step;
        private long count;
        private boolean reached;

        CheckpointOnce(OutputStream out, Checkpoints checkpoints, String step) {
            super(out);
            this.checkpoints = checkpoints;
            this.step = step;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counted(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            counted(len);
        }

        private void counted(int n) throws IOException {
            count += n;
            if (!reached && count >= 64 * 1024) {
                reached = true;
                out.flush();
                checkpoints.reached(step);
            }
        }
    }
}
