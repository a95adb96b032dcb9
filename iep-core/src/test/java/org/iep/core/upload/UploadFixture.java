package org.iep.core.upload;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.iep.api.spi.BlobKey;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.Checkpoints;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestSource;
import org.iep.core.testsupport.World;
import org.iep.testkit.memory.InMemoryInstanceIndex;

/** A world with a transfer ready to take an upload. */
final class UploadFixture {
    static final IngestSource PATIENT = new IngestSource(new Party.System("patient-upload"),
            new ClientInfo("198.51.100.7"), "");
    final World world = new World();
    final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    final Ingest ingest = new Ingest(world.store, world.directoryStore, index, world.blobs, world.transactions,
            world.auditor, world.ids, world.clock, Checkpoints.NONE);
    final Uploads uploads;
    final Transaction tx = world.transfer(Priority.NORMAL);

    UploadFixture(UploadLimits limits) {
        uploads = new Uploads(world.store, world.blobs, ingest, world.auditor, world.ids, world.clock, limits,
                world.directoryStore, world.notifier);
    }

    UploadFixture() {
        this(UploadLimits.DEFAULTS);
    }

    String open() {
        return uploads.open(tx.id(), PATIENT);
    }

    long send(String session, String name, byte[] content) {
        return uploads.append(tx.id(), session, name, 0, new ByteArrayInputStream(content));
    }

    UploadReceipt confirm(String session) {
        return uploads.confirm(tx.id(), session, PATIENT, bytes -> { });
    }

    /** Every blob outside the upload staging area: what an upload has stored for good. */
    List<BlobKey> storedBlobs() {
        return world.blobs.list(Ingest.TRANSACTIONS).stream().filter(k -> !k.value().contains("/uploads/")).toList();
    }
}
