package org.iep.core.ingest;

import org.iep.api.content.IndexedInstance;

/** The expected outcomes of storing an instance. Refusals are exceptions with stable codes. */
public sealed interface IngestResult permits IngestResult.Stored, IngestResult.AlreadyStored {

    IndexedInstance instance();

    /** The instance is new and now visible. */
    record Stored(IndexedInstance instance) implements IngestResult {
    }

    /** The same instance with the same bytes was stored before; nothing changed (a sender's retry). */
    record AlreadyStored(IndexedInstance instance) implements IngestResult {
    }
}
