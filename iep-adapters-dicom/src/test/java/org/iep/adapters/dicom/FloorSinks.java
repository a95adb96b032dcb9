package org.iep.adapters.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StoreHandler;

/**
 * The benchmark's lower bound for a durable acknowledgement: our SCP appends each received data set to one segment
 * file and answers only after an {@code fdatasync} that covers it; concurrent associations share one sync (group
 * commit). No index, no hash, no audit: what no durable store on this disk can undercut. Benchmark use only.
 */
final class FloorSinks implements StoreHandler, AutoCloseable {
    private final FileChannel segment;
    private final Object appendLock = new Object();
    private final Object syncLock = new Object();
    private long appended;
    private long synced;

    FloorSinks(Path file) throws IOException {
        this.segment = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public Sink open(org.iep.dicom.net.dimse.StoreRequest request) {
        return new Sink() {
            private final ByteArrayOutputStream data = new ByteArrayOutputStream(16384);

            @Override
            public void receive(InputStream dataSet) throws IOException {
                dataSet.transferTo(data);
            }

            @Override
            public int commit() throws IOException {
                long end;
                synchronized (appendLock) {
                    ByteBuffer b = ByteBuffer.wrap(data.toByteArray());
                    while (b.hasRemaining()) {
                        segment.write(b);
                    }
                    end = appended += data.size();
                }
                synchronized (syncLock) {
                    if (synced < end) { // else another association's sync already covered these bytes
                        long target;
                        synchronized (appendLock) {
                            target = appended;
                        }
                        segment.force(false);
                        synced = target;
                    }
                }
                return Status.SUCCESS;
            }

            @Override
            public void discard() {
                // nothing appended before commit
            }
        };
    }

    @Override
    public void close() throws IOException {
        segment.close();
    }
}
