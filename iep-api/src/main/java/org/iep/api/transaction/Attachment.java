package org.iep.api.transaction;

import java.util.Objects;

/**
 * A report or document attached to a transaction (optionally to one study), stored as a blob.
 *
 * @param mediaType determined from the content, never from the file name
 * @param studyInstanceUid empty when it belongs to the whole transaction
 */
public record Attachment(
        AttachmentId id,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String studyInstanceUid) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
    }
}
