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
 * @param pseudonymisation the name of one of the institution's pseudonymisation profiles to store the images
 *                     under (no original is ever stored); null or empty for the institution's default, "none" for
 *                     no pseudonymisation when the institution has a default
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
        Optional<NodeId> source,
        String pseudonymisation) {
    /** Asks for no pseudonymisation even where the institution has a default profile. */
    public static final String NO_PSEUDONYMISATION = "none";

    public NewTransfer {
        studies = studies == null ? List.of() : studies;
        releaseAfter = releaseAfter == null ? Optional.empty() : releaseAfter;
        source = source == null ? Optional.empty() : source;
        pseudonymisation = pseudonymisation == null ? "" : pseudonymisation;
    }

    /** A transfer under the institution's default pseudonymisation (if it has one). */
    public NewTransfer(UserId actor, InstitutionId actingFor, PatientDetails patient, Recipient recipient,
                       List<SelectedStudy> studies, Priority priority, String message,
                       Optional<Instant> releaseAfter, Optional<NodeId> source) {
        this(actor, actingFor, patient, recipient, studies, priority, message, releaseAfter, source, "");
    }

    /** A transfer whose images come by upload, STOW-RS or a push (no source node to retrieve from). */
    public NewTransfer(UserId actor, InstitutionId actingFor, PatientDetails patient, Recipient recipient,
                       List<SelectedStudy> studies, Priority priority, String message,
                       Optional<Instant> releaseAfter) {
        this(actor, actingFor, patient, recipient, studies, priority, message, releaseAfter, Optional.empty(), "");
    }
}
