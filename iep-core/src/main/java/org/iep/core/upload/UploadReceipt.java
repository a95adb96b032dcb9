package org.iep.core.upload;

import java.util.List;
import org.iep.api.transaction.Attachment;

/**
 * What a confirmed upload stored.
 *
 * @param instancesStored new DICOM instances
 * @param instancesAlreadyStored instances the transaction already held with the same content (a repeated upload)
 * @param attachments documents and images attached to the transaction
 * @param ignored files deliberately not stored (DICOMDIR indexes and directory entries), by name
 * @param bytes bytes read from the staged files
 */
public record UploadReceipt(int instancesStored, int instancesAlreadyStored, List<Attachment> attachments,
                            List<String> ignored, long bytes) {
    public UploadReceipt {
        attachments = List.copyOf(attachments);
        ignored = List.copyOf(ignored);
    }
}
