package org.iep.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iep.dicom.DicomException;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.net.dimse.StorageCommitment;

/**
 * Any bytes as a storage commitment data set (N-ACTION request, N-EVENT-REPORT result) in both uncompressed
 * syntaxes: a typed refusal or a validated value, never another exception.
 */
class StorageCommitmentFuzzTest {
    private static final TransferSyntax IMPLICIT = TransferSyntax.of("1.2.840.10008.1.2");
    private static final TransferSyntax EXPLICIT = TransferSyntax.of("1.2.840.10008.1.2.1");

    @FuzzTest
    void requestAndResult(byte[] data) {
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT, EXPLICIT}) {
            try {
                StorageCommitment.Parsed p = StorageCommitment.readRequest(data, ts);
                if (p.ok() && (p.request().refs().isEmpty() || p.request().refs().size() > StorageCommitment.MAX_ITEMS)) {
                    throw new AssertionError("an accepted request outside 1.." + StorageCommitment.MAX_ITEMS);
                }
            } catch (DicomException expected) {
                // malformed bytes: a typed refusal
            }
            try {
                StorageCommitment.readResult(data, ts);
            } catch (DicomException expected) {
                // malformed or invalid report: a typed refusal
            }
        }
    }
}
