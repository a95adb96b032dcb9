package org.iep.dicom.net.dimse;

import org.iep.dicom.dict.TransferSyntax;

/** What an SCP knows about an incoming C-STORE before reading its data set. UIDs are validated before use. */
public record StoreRequest(String callingAe, String calledAe, String remoteAddress, String sopClassUid,
        String sopInstanceUid, TransferSyntax transferSyntax, int messageId) {
}
