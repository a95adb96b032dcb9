package org.iep.adapters.dicom;

import org.iep.api.audit.Outcome;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.dicom.net.dimse.NetListener;

/** Puts the SCP's refusals (hostile UIDs, SOP class mismatches) and failed associations on the audit trail. */
final class AuditingNetListener implements NetListener {
    private final Auditor auditor;

    AuditingNetListener(Auditor auditor) {
        this.auditor = auditor;
    }

    @Override
    public void refused(String callingAe, String remoteAddress, int status, String reason) {
        auditor.record(PeerCheck.LISTENER, "dicom.store", Outcome.DENIED,
                new ClientInfo(IngestingStoreHandler.ip(remoteAddress)), "calling AE '" + callingAe + "', status 0x"
                        + String.format("%04X", status) + ": " + reason);
    }

    /** Rejections for an unknown calling AE are audited where the peer is looked up ({@link PeerCheck}). */
    @Override
    public void rejected(String callingAe, String calledAe, String remoteAddress, String reason) {
        auditor.record(PeerCheck.LISTENER, "dicom.associate", Outcome.DENIED, new ClientInfo(remoteAddress),
                "called AE '" + calledAe + "' from '" + callingAe + "': " + reason);
    }

    @Override
    public void associationFailed(String remoteAddress, String reason) {
        auditor.record(PeerCheck.LISTENER, "dicom.association", Outcome.FAILURE,
                new ClientInfo(IngestingStoreHandler.ip(remoteAddress)), reason);
    }

    @Override
    public void commitmentRefused(String callingAe, String remoteAddress, int status, String reason) {
        auditor.record(PeerCheck.LISTENER, "dicom.commitment", Outcome.DENIED,
                new ClientInfo(IngestingStoreHandler.ip(remoteAddress)), "calling AE '" + callingAe + "', status 0x"
                        + String.format("%04X", status) + ": " + reason);
    }

    @Override
    public void commitmentReported(String callingAe, String transactionUid, int committed, int failed,
            boolean sameAssociation) {
        auditor.record(PeerCheck.LISTENER, "dicom.commitment", failed == 0 ? Outcome.SUCCESS : Outcome.FAILURE,
                ClientInfo.INTERNAL, "node=" + callingAe + " transaction=" + transactionUid + " committed="
                        + committed + "/" + (committed + failed) + " failed=" + failed + " reported on "
                        + (sameAssociation ? "the request's association" : "a new association"));
    }

    @Override
    public void commitmentReportDeferred(String callingAe, String transactionUid, String reason, int attempt,
            java.time.Duration retryIn) {
        auditor.record(PeerCheck.LISTENER, "dicom.commitment", Outcome.FAILURE, ClientInfo.INTERNAL, "node="
                + callingAe + " transaction=" + transactionUid + " report not delivered (attempt " + attempt + "): "
                + reason + "; trying again in " + retryIn);
    }

    @Override
    public void commitmentReportFailed(String callingAe, String transactionUid, String reason) {
        auditor.record(PeerCheck.LISTENER, "dicom.commitment", Outcome.FAILURE, ClientInfo.INTERNAL, "node="
                + callingAe + " transaction=" + transactionUid + " report not delivered: " + reason);
    }
}
