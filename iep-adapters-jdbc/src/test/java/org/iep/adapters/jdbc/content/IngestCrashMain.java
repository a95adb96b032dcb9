package org.iep.adapters.jdbc.content;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.transaction.TransactionId;

/**
 * The child JVM of {@link IngestCrashTest}: ingests one file and halts the JVM (no shutdown hooks, no flushing —
 * as a power cut or {@code kill -9} would) when it reaches the named checkpoint. Exit 0: it finished.
 * Arguments: database dir, blob dir, transaction ID, DICOM file, checkpoint.
 */
public final class IngestCrashMain {
    static final int HALTED = 77;

    private IngestCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        String haltAt = args[4];
        try (JdbcDatabase db = JdbcDatabase.start(IngestRig.h2File(Path.of(args[0])));
                InputStream in = Files.newInputStream(Path.of(args[3]))) {
            IngestRig rig = new IngestRig(db.dataSource(), Path.of(args[1]), step -> {
                if (step.equals(haltAt)) {
                    Runtime.getRuntime().halt(HALTED);
                }
            });
            rig.ingest.ingest(new TransactionId(args[2]), in, IngestRig.SENDER);
        }
    }
}
