package org.iep.core.transaction;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.patient.Patient;
import org.iep.api.transaction.Priority;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.UserId;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.Routing;
import org.iep.core.directory.StaffAccess;
import org.iep.core.id.IdGenerator;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.core.notify.Notifier;
import org.iep.core.policy.IepPolicy;

/**
 * Transfers and requests: creation with every mandatory field checked at once, answers, declines, cancellation,
 * message threads, status changes through {@link StatusTable} and study progress. Each change is one optimistic
 * commit (re-read and re-checked on a version conflict, a bounded number of times), then audited, then announced
 * to the {@link TransactionListener}s. Nothing is stored, audited or sent when the input is refused; an action refused
 * for lack of access is audited as DENIED.
 * Thread-safe.
 */
public final class Transactions {
    private final Creation creation;
    private final Answers answers;
    private final Changes changes;
    private final Denials denials;

    @Inject
    public Transactions(TransactionStore store, DirectoryStore directory, NodeStore nodes, StaffAccess access,
                        Auditor auditor, Notifier notifier, IdGenerator ids, TrackingNumbers tracking,
                        Routing routing, Clock clock, IepPolicy policy, List<TransactionListener> listeners) {
        this(store, directory, nodes, access, auditor, notifier, ids, tracking, routing, clock, policy, listeners,
                Optional.empty());
    }

    /** @param pseudonymisation shows pseudonymised transfers' patients and studies; without it none can be made */
    public Transactions(TransactionStore store, DirectoryStore directory, NodeStore nodes, StaffAccess access,
                        Auditor auditor, Notifier notifier, IdGenerator ids, TrackingNumbers tracking,
                        Routing routing, Clock clock, IepPolicy policy, List<TransactionListener> listeners,
                        Optional<Pseudonymisation> pseudonymisation) {
        Objects.requireNonNull(store, "store");
        TransactionValidation validation = new TransactionValidation(directory, nodes, policy);
        Commits commits = new Commits(store, listeners);
        Notices notices = new Notices(notifier);
        this.creation = new Creation(directory, access, validation, commits, auditor, notices, ids, tracking,
                routing, clock, policy, pseudonymisation);
        this.changes = new Changes(store, access, commits, auditor, clock, policy, notices, directory);
        this.answers = new Answers(creation, changes, validation, commits, auditor, access, clock);
        this.denials = new Denials(store, access, auditor);
    }

    /** A new TRANSFER (status NEW) by a STANDARD or ADMINISTRATOR user for their own institution. */
    public Transaction createTransfer(NewTransfer cmd, ClientInfo client) {
        Objects.requireNonNull(cmd, "cmd");
        return denials.audited(cmd.actor(), "transaction.create", null, client, () -> creation.transfer(cmd, client));
    }

    /** A new REQUEST (status NEW) by any approved user for their own institution. */
    public Transaction createRequest(NewRequest cmd, ClientInfo client) {
        Objects.requireNonNull(cmd, "cmd");
        return denials.audited(cmd.actor(), "transaction.create", null, client, () -> creation.request(cmd, client));
    }

    /**
     * A new DIRECT_ROUTING transaction (status UPLOADING) of {@code source} to {@code to}, for images a node of
     * {@code source} pushes; {@code by} is the component that received them. Invalid recipients are refused with
     * every problem listed, nothing created.
     */
    public Transaction createDirect(InstitutionId source, InstitutionRecipient to, Priority priority, Patient patient,
                                    Party by, ClientInfo client) {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(by, "by");
        return creation.direct(source, to, priority, patient, by, client);
    }

    /** Answers a request addressed to the user's institution with a linked transfer back to the requester. */
    public Answered answer(AnswerRequest cmd, ClientInfo client) {
        Objects.requireNonNull(cmd, "cmd");
        return denials.audited(cmd.actor(), "transaction.answer", cmd.request(), client,
                () -> answers.answer(cmd, client));
    }

    /**
     * Checks that {@code actor} (an active STANDARD or ADMINISTRATOR user) acts for the institution that sent the
     * transaction, before they add files or reports to it; a refusal is audited as {@code action} and typed
     * AccessDenied (WRONG_INSTITUTION or ROLE_NOT_ALLOWED). Returns the transaction.
     */
    public Transaction requireSender(UserId actor, TransactionId id, String action, ClientInfo client) {
        return denials.audited(actor, action, id, client, () -> changes.requireSender(actor, id));
    }

    /** The receiving institution declines a request or a transfer, with a mandatory reason. */
    public Transaction decline(UserId actor, TransactionId id, String reason, ClientInfo client) {
        return denials.audited(actor, "transaction.decline", id, client, () -> changes.decline(actor, id, reason,
                client));
    }

    /** The sending institution cancels, with a mandatory reason. */
    public Transaction cancel(UserId actor, TransactionId id, String reason, ClientInfo client) {
        return denials.audited(actor, "transaction.cancel", id, client, () -> changes.cancel(actor, id, reason,
                client));
    }

    /** Adds a message to the thread; staff of either institution involved. */
    public Transaction addMessage(UserId actor, TransactionId id, String text, ClientInfo client) {
        return denials.audited(actor, "transaction.message", id, client, () -> changes.addMessage(actor, id, text,
                client));
    }

    /**
     * Moves a transaction to {@code to} for the delivery and ingest flows (no staff check: {@code by} is a system
     * component or a caller that checked access itself). A reason is required for FAILED, DECLINED and CANCELLED.
     */
    public Transaction advance(TransactionId id, TransactionStatus to, String reason, Party by, ClientInfo client) {
        Objects.requireNonNull(by, "by");
        return changes.advance(id, to, reason, by, client);
    }

    /** Records a study's progress (received/expected instances, bytes, study status). */
    public Transaction updateStudy(TransactionId id, StudyProgress progress, Party by, ClientInfo client) {
        return changes.updateStudy(id, Objects.requireNonNull(progress, "progress"), Objects.requireNonNull(by,
                "by"), client);
    }

    /** Records what ingest stored for one study (counts from the instance index; adds unannounced studies). */
    public Transaction recordIngest(TransactionId id, IngestedStudy study, Party by, ClientInfo client) {
        return changes.recordIngest(id, Objects.requireNonNull(study, "study"), Objects.requireNonNull(by, "by"),
                client);
    }

    /** The transaction, for approved staff of either institution involved (audited); others get NotFound. */
    public Transaction view(UserId actor, TransactionId id, ClientInfo client) {
        return denials.audited(actor, "transaction.view", id, client, () -> changes.view(actor, id, client));
    }
}
