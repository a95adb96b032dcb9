package org.iep.core.upload;

import java.io.ByteArrayInputStream;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.Transaction;

/** The upload fixture for other packages' tests: a transfer with images and a report arriving through uploads. */
public final class UploadFixtureAccess {
    private final UploadFixture f = new UploadFixture();

    public void ingest(byte[] part10) {
        f.ingest.ingest(f.tx.id(), new ByteArrayInputStream(part10), UploadFixture.PATIENT);
    }

    /** Attaches a small PDF to the whole transaction through an upload. */
    public void attachPdf() {
        String s = f.open();
        f.send(s, "letter.pdf", UploadsTest.PDF);
        f.confirm(s);
    }

    /** Attaches a plain-text report to the whole transaction through an upload. */
    public void attachText(String text) {
        String s = f.open();
        f.send(s, "report.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        f.confirm(s);
    }

    public Transaction transaction() {
        return f.world.store.find(f.tx.id()).orElseThrow();
    }

    public InstanceIndex index() {
        return f.index;
    }

    public BlobStore blobs() {
        return f.world.blobs;
    }

    public org.iep.api.spi.TransactionStore transactionStore() {
        return f.world.store;
    }

    public DirectoryStore directoryStore() {
        return f.world.directoryStore;
    }

    public org.iep.core.audit.Auditor auditor() {
        return f.world.auditor;
    }

    public org.iep.testkit.memory.InMemoryAuditLog audit() {
        return f.world.audit;
    }
}
