package org.iep.api.content;

import java.time.Instant;
import java.util.Objects;
import org.iep.api.spi.BlobKey;
import org.iep.api.transaction.TransactionId;

/**
 * One DICOM instance stored under a transaction: where it sits in the patient / study / series / instance tree,
 * the blob holding it (a key made from internal IDs only) and the blob's size and SHA-256. The patient fields are
 * kept to check that a transaction holds one patient.
 *
 * @param patientName as in the data set (DICOM PN, e.g. {@code Jones^Patricia})
 * @param birthDate DICOM DA ({@code yyyymmdd}) or empty
 */
public record IndexedInstance(
        TransactionId transaction,
        String studyInstanceUid,
        String seriesInstanceUid,
        String sopInstanceUid,
        String sopClassUid,
        String transferSyntaxUid,
        String patientId,
        String patientName,
        String birthDate,
        String accessionNumber,
        String modality,
        BlobKey blob,
        long size,
        String sha256,
        Instant received) {

    public IndexedInstance {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(patientName, "patientName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(received, "received");
    }
}
