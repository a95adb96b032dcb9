package org.iep.core.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.UserId;
import org.iep.api.recipient.Recipient;
import org.iep.api.transaction.Priority;

/**
 * A transfer of studies by a member of staff (role STANDARD or ADMINISTRATOR) for their own institution.
 *
 * @param actor        who creates it (from the authenticated session)
 * @param actingFor    the institution the user acts for; must be the user's own
 * @param message      an optional first message of the thread; may be null or empty
 * @param releaseAfter "doctor first": overrides the institution's release delay; not in the past
 * @param source       the node of the user's institution to retrieve the studies from (its PACS); empty when the
 *                     images will come by upload, STOW-RS or a push
 */
public record NewTransfer(
        UserId actor,
        InstitutionId actingFor,
        PatientDetails patient,
        Recipient recipient,
        List<SelectedStudy> studies,
        Priority priority,
        String message,
        Optional<Instant> releaseAfter,
        Optional<NodeId> source) {
    public NewTransfer {
        studies = studies == null ? List.of() : studies;
        releaseAfter = releaseAfter == null ? Optional.empty() : releaseAfter;
        source = source == null ? Optional.empty() : source;
    }

    /** A transfer whose images come by upload, STOW-RS or a push (no source node to retrieve from). */
    public NewTransfer(UserId actor, InstitutionId actingFor, PatientDetails patient, Recipient recipient,
                       List<SelectedStudy> studies, Priority priority, String message,
                       Optional<Instant> releaseAfter) {
        this(actor, actingFor, patient, recipient, studies, priority, message, releaseAfter, Optional.empty());
    }
}
