package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.iep.api.audit.Outcome;
import org.junit.jupiter.api.Test;

/** Each try of a commitment report that did not reach its requester is on the audit trail, and so is giving up. */
class AuditingNetListenerTest {
    final CoreRig rig = new CoreRig();
    final AuditingNetListener listener = new AuditingNetListener(rig.auditor);

    @Test
    void aDeferredAndAnAbandonedCommitmentReportAreAudited() {
        listener.commitmentReportDeferred("STEE_PACS", "2.25.7", "connection refused", 1, Duration.ofSeconds(15));
        listener.commitmentReportFailed("STEE_PACS", "2.25.7", "connection refused (attempt 5 of 5)");

        assertThat(rig.audited("dicom.commitment")).extracting(r -> r.event().outcome() + " " + r.event().detail())
                .containsExactly(Outcome.FAILURE + " node=STEE_PACS transaction=2.25.7 report not delivered"
                        + " (attempt 1): connection refused; trying again in PT15S", Outcome.FAILURE
                        + " node=STEE_PACS transaction=2.25.7 report not delivered: connection refused"
                        + " (attempt 5 of 5)");
    }
}
