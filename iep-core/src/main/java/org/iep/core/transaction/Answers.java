package org.iep.core.transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.StaffAccess;
import org.iep.core.validation.Problems;

/**
 * Answers a request with a linked transfer to the requesting institution. The new transfer and the request's move
 * to ANSWERED are one commit, so a request is never answered twice nor left NEW beside its answer.
 */
final class Answers {
    private record Committed(Transaction transfer, Changes.Step request) {
    }

    private final Creation creation;
    private final Changes changes;
    private final TransactionValidation validation;
    private final Commits commits;
    private final Auditor auditor;
    private final StaffAccess access;
    private final Clock clock;

    Answers(Creation creation, Changes changes, TransactionValidation validation, Commits commits, Auditor auditor,
            StaffAccess access, Clock clock) {
        this.creation = creation;
        this.changes = changes;
        this.validation = validation;
        this.commits = commits;
        this.auditor = auditor;
        this.access = access;
        this.clock = clock;
    }

    Answered answer(AnswerRequest cmd, ClientInfo client) {
        User user = access.requireRole(cmd.actor(), Role.STANDARD, Role.ADMINISTRATOR);
        Transaction request = changes.read(cmd.request());
        if (request.type() != TransactionType.REQUEST || !Changes.receivedBy(request, user.institution())) {
            throw new AccessDeniedException(CoreErrorCode.WRONG_INSTITUTION, "Transaction " + request.tracking()
                    + " is not a request addressed to institution " + user.institution() + ".");
        }
        Problems p = new Problems();
        List<StudyEntry> studies = validation.studies(p, cmd.studies(), true);
        validation.message(p, cmd.message(), "message", false);
        p.throwIfAny();
        StatusTable.check(request, TransactionStatus.ANSWERED);

        Institution answering = creation.institution(user.institution());
        Institution requester = creation.institution(request.origin());
        Instant now = clock.instant();
        InstitutionRecipient to = new InstitutionRecipient(requester.id(), requester.name(), Optional.empty());
        Optional<NodeId> destination = creation.destination(to, answering.id(), now);
        Priority priority = cmd.priority() == null ? request.priority() : cmd.priority();
        // Built once, outside the retry loop: its ID and tracking number stay the same on every attempt.
        Transaction transfer = creation.draft(TransactionType.TRANSFER, user, answering, to, request.patient(), now)
                .destination(destination).studies(studies).priority(priority).parent(Optional.of(request.id()))
                .messages(Creation.firstMessage(user, cmd.message(), now))
                .expires(now.plus(answering.policies().packageAvailability())).build();

        Committed done = commits.retrying(() -> {
            Transaction current = changes.read(request.id());
            StatusTable.check(current, TransactionStatus.ANSWERED);
            Transaction answered = current.toBuilder().status(TransactionStatus.ANSWERED)
                    .statusReason("answered by " + transfer.tracking()).updated(now).build();
            List<Transaction> result = commits.commit(new TransactionChanges(List.of(transfer), List.of(answered)));
            return new Committed(result.get(0), new Changes.Step(current, result.get(1)));
        });
        creation.auditCreate(done.transfer(), user, client);
        Transaction answeredRequest = changes.announce(done.request(), StaffAccess.party(user), client);
        commits.created(done.transfer());
        creation.notifyRecipient(done.transfer(), answering);
        auditor.record(StaffAccess.party(user), "transaction.answer", answeredRequest, Outcome.SUCCESS, client,
                "transfer=" + done.transfer().id() + " tracking=" + done.transfer().tracking());
        return new Answered(answeredRequest, done.transfer());
    }
}
