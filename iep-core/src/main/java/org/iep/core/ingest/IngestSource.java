package org.iep.core.ingest;

import java.util.Objects;
import org.iep.api.transaction.Party;
import org.iep.core.audit.ClientInfo;

/**
 * Who delivers an instance and from where, for the audit trail and the file meta.
 *
 * @param sourceAet the sending AE title when it came over DICOM, else empty; written as Source AE Title
 */
public record IngestSource(Party by, ClientInfo client, String sourceAet) {
    public IngestSource {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(sourceAet, "sourceAet");
    }
}
