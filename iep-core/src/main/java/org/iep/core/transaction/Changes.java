package org.iep.core.transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.StaffAccess;
import org.iep.core.policy.IepPolicy;
import org.iep.core.validation.Problems;

/** Changes to existing transactions: decline, cancel, messages, status and study progress. */
final class Changes {
    private static final Set<TransactionStatus> CLOSED = EnumSet.of(TransactionStatus.PURGED,
            TransactionStatus.CANCELLED, TransactionStatus.DECLINED, TransactionStatus.ANSWERED);

    private final TransactionStore store;
    private final StaffAccess access;
    private final Commits commits;
    private final Auditor auditor;
    private final Clock clock;
    private final IepPolicy policy;
    private final Notices notices;
    private final org.iep.api.spi.DirectoryStore directory;

    Changes(TransactionStore store, StaffAccess access, Commits commits, Auditor auditor, Clock clock,
            IepPolicy policy, Notices notices, org.iep.api.spi.DirectoryStore directory) {
        this.notices = notices;
        this.directory = directory;
        this.store = store;
        this.access = access;
        this.commits = commits;
        this.auditor = auditor;
        this.clock = clock;
        this.policy = policy;
    }

    Transaction decline(UserId actor, TransactionId id, String reason, ClientInfo client) {
        User user = access.requireRole(actor, Role.STANDARD, Role.ADMINISTRATOR);
        new Problems().text(reason, "reason", policy.maxTextLength()).throwIfAny();
        Step step = commits.retrying(() -> {
            Transaction t = read(id);
            if (!receivedBy(t, user.institution())) {
                throw wrongSide(user, t, "only the receiving institution can decline it");
            }
            return step(t, TransactionStatus.DECLINED, reason);
        });
        Transaction after = announce(step, StaffAccess.party(user), client);
        notices.declined(after, institution(after.origin()), institution(user.institution()));
        return after;
    }

    /** The transaction, when {@code actor} is staff of its sending institution allowed to add to it. */
    Transaction requireSender(UserId actor, TransactionId id) {
        User user = access.requireRole(actor, Role.STANDARD, Role.ADMINISTRATOR);
        Transaction t = read(id);
        if (!t.origin().equals(user.institution())) {
            throw wrongSide(user, t, "only the sending institution adds files or reports to it");
        }
        return t;
    }

    Transaction cancel(UserId actor, TransactionId id, String reason, ClientInfo client) {
        User user = access.requireActive(actor);
        new Problems().text(reason, "reason", policy.maxTextLength()).throwIfAny();
        Step step = commits.retrying(() -> {
            Transaction t = read(id);
            if (!t.origin().equals(user.institution())) {
                throw wrongSide(user, t, "only the sending institution can cancel it");
            }
            if (t.type() != TransactionType.REQUEST) {
                access.requireRole(user, Role.STANDARD, Role.ADMINISTRATOR);
            }
            return step(t, TransactionStatus.CANCELLED, reason);
        });
        return announce(step, StaffAccess.party(user), client);
    }

    Transaction addMessage(UserId actor, TransactionId id, String text, ClientInfo client) {
        User user = access.requireRole(actor, Role.STANDARD, Role.ADMINISTRATOR, Role.REQUEST_ONLY);
        new Problems().text(text, "text", policy.maxTextLength()).throwIfAny();
        Transaction after = commits.retrying(() -> {
            Transaction t = read(id);
            if (!t.origin().equals(user.institution()) && !receivedBy(t, user.institution())) {
                throw wrongSide(user, t, "only the two institutions involved can write in its thread");
            }
            Instant now = clock.instant();
            List<Message> thread = new ArrayList<>(t.messages());
            thread.addAll(Creation.firstMessage(user, text, now));
            return commits.update(t.toBuilder().messages(thread).updated(now).build());
        });
        auditor.record(StaffAccess.party(user), "transaction.message", after, Outcome.SUCCESS, client,
                "messages=" + after.messages().size());
        return after;
    }

    Transaction advance(TransactionId id, TransactionStatus to, String reason, Party by, ClientInfo client) {
        Problems p = new Problems();
        p.check(to != TransactionStatus.ANSWERED, "to", "a request is answered only by answering it");
        if (to == TransactionStatus.FAILED || to == TransactionStatus.DECLINED || to == TransactionStatus.CANCELLED) {
            p.text(reason, "reason", policy.maxTextLength());
        } else {
            p.optionalText(reason, "reason", policy.maxTextLength());
        }
        p.throwIfAny();
        return announce(commits.retrying(() -> step(read(id), to, reason)), by, client);
    }

    Transaction updateStudy(TransactionId id, StudyProgress progress, Party by, ClientInfo client) {
        Problems p = new Problems();
        p.check(progress.status() != null, "status", "is required");
        p.check(progress.expected() >= 0, "expected", "cannot be negative");
        p.check(progress.received() >= 0, "received", "cannot be negative");
        p.check(progress.expected() == 0 || progress.received() <= progress.expected(), "received",
                "cannot exceed the expected count");
        p.check(progress.bytes() >= 0, "bytes", "cannot be negative");
        p.throwIfAny();
        Transaction after = commits.retrying(() -> {
            Transaction t = read(id);
            List<StudyEntry> studies = new ArrayList<>(t.studies());
            int i = indexOf(studies, progress.studyInstanceUid());
            new Problems().check(i >= 0, "studyInstanceUid", "is not a study of this transaction").throwIfAny();
            if (CLOSED.contains(t.status())) {
                throw new ConflictException(CoreErrorCode.ILLEGAL_TRANSITION, "Transaction " + t.tracking()
                        + " is " + t.status() + "; its studies no longer change.");
            }
            studies.set(i, studies.get(i).withStatus(progress.status())
                    .withCounts(progress.expected(), progress.received(), progress.bytes()));
            return commits.update(t.toBuilder().studies(studies).updated(clock.instant()).build());
        });
        StudyEntry s = after.studies().get(indexOf(after.studies(), progress.studyInstanceUid()));
        auditor.record(by, "transaction.study", after, Outcome.SUCCESS, client, "study=" + s.studyInstanceUid()
                + " status=" + s.status() + " progress=" + s.progress() + " bytes=" + s.bytes());
        return after;
    }

    /**
     * Sets a study's received count and bytes from the instance index, adding the study when it was not announced
     * (uploads, direct routing). Counts are absolute, so retried or concurrent updates converge.
     */
    Transaction recordIngest(TransactionId id, IngestedStudy s, Party by, ClientInfo client) {
        boolean[] milestone = new boolean[1];
        Transaction after = commits.retrying(() -> {
            Transaction t = read(id);
            if (CLOSED.contains(t.status())) {
                throw new ConflictException(CoreErrorCode.ILLEGAL_TRANSITION, "Transaction " + t.tracking()
                        + " is " + t.status() + "; it takes no more images.");
            }
            List<StudyEntry> studies = new ArrayList<>(t.studies());
            int i = indexOf(studies, s.studyInstanceUid());
            StudyEntry entry = i >= 0 ? studies.get(i)
                    : StudyEntry.pending(s.studyInstanceUid(), s.accessionNumber(), s.description());
            StudyEntry updated = new StudyEntry(entry.studyInstanceUid(),
                    entry.accessionNumber().isEmpty() ? s.accessionNumber() : entry.accessionNumber(),
                    entry.description().isEmpty() ? s.description() : entry.description(), s.modalities(),
                    s.studyDate(), entry.status() == StudyStatus.PENDING ? StudyStatus.RECEIVING : entry.status(),
                    Math.max(entry.expectedInstances(), 0), s.instances(), s.bytes());
            if (updated.expectedInstances() > 0 && updated.receivedInstances() > updated.expectedInstances()) {
                updated = updated.withCounts(updated.receivedInstances(), updated.receivedInstances(), s.bytes());
            }
            milestone[0] = i < 0 || updated.status() != entry.status() || updated.expectedInstances() > 0
                    && updated.receivedInstances() == updated.expectedInstances();
            if (i >= 0) {
                studies.set(i, updated);
            } else {
                studies.add(updated);
            }
            return commits.update(t.toBuilder().studies(studies).updated(clock.instant()).build());
        });
        // each instance has its own instance.store record; the study's record marks where it stands: first
        // images, a change of status, all expected images received
        if (milestone[0]) {
            auditor.record(by, "transaction.study", after, Outcome.SUCCESS, client, "study=" + s.studyInstanceUid()
                    + " received=" + s.instances() + " bytes=" + s.bytes());
        }
        return after;
    }

    /** A transaction for staff of either side (any approved role, auditors included); every look is audited. */
    Transaction view(UserId actor, TransactionId id, ClientInfo client) {
        User user = access.requireActive(actor);
        Transaction t = read(id);
        if (!t.origin().equals(user.institution()) && !receivedBy(t, user.institution())) {
            auditor.record(StaffAccess.party(user), "transaction.view", t, Outcome.DENIED, client, "not involved");
            // Not WRONG_INSTITUTION: outsiders must not learn that the transaction exists.
            throw new NotFoundException("Transaction " + id);
        }
        auditor.record(StaffAccess.party(user), "transaction.view", t, Outcome.SUCCESS, client, "");
        return t;
    }

    /** A committed status change, announced only once the retry loop is over. */
    record Step(Transaction before, Transaction after) {
    }

    /** Checks the table and commits {@code t} at {@code to}; one attempt of a retry loop. */
    Step step(Transaction t, TransactionStatus to, String reason) {
        StatusTable.check(t, to);
        Transaction.Builder b = t.toBuilder().status(to).statusReason(reason == null ? "" : reason.strip())
                .updated(clock.instant());
        if (to == TransactionStatus.PURGED) {
            b.studies(t.studies().stream().map(s -> s.withStatus(StudyStatus.PURGED)).toList());
        }
        return new Step(t, commits.update(b.build()));
    }

    /** Audits a committed step and tells the listeners. */
    Transaction announce(Step step, Party by, ClientInfo client) {
        auditor.record(by, StatusChanges.ACTION, step.after(), Outcome.SUCCESS, client,
                StatusChanges.detail(step.before().status(), step.after().status(), step.after().statusReason()));
        commits.changed(step.before(), step.after());
        return step.after();
    }

    private org.iep.api.directory.Institution institution(InstitutionId id) {
        return directory.institution(id).orElseThrow(() -> new NotFoundException("Institution " + id));
    }

    Transaction read(TransactionId id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Transaction " + id));
    }

    static boolean receivedBy(Transaction t, InstitutionId institution) {
        return t.recipient() instanceof InstitutionRecipient r && r.institution().equals(institution);
    }

    private static AccessDeniedException wrongSide(User user, Transaction t, String why) {
        return new AccessDeniedException(CoreErrorCode.WRONG_INSTITUTION, "Transaction " + t.tracking()
                + ": " + why + "; user " + user.id() + " acts for institution " + user.institution() + ".");
    }

    private static int indexOf(List<StudyEntry> studies, String uid) {
        for (int i = 0; i < studies.size(); i++) {
            if (studies.get(i).studyInstanceUid().equals(uid)) {
                return i;
            }
        }
        return -1;
    }
}
