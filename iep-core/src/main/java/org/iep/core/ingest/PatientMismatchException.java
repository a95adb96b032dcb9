package org.iep.core.ingest;

import java.util.List;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;

/**
 * The instance names another patient than the transaction holds. {@link #patients()} lists every patient found
 * (the transaction's first, then the instance's) for the person who must sort it out; the message itself names
 * nobody, so it can be logged.
 */
public final class PatientMismatchException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final transient List<PatientSeen> patients;

    public PatientMismatchException(List<PatientSeen> patients) {
        super(CoreErrorCode.PATIENT_MISMATCH, "The instance belongs to another patient than the transaction ("
                + patients.size() + " patients found). One patient per transaction, unless the institution's"
                + " administrator allows mixed patients.");
        this.patients = List.copyOf(patients);
    }

    public List<PatientSeen> patients() {
        return patients;
    }
}
