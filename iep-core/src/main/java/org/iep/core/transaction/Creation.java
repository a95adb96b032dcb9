package org.iep.core.transaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.patient.Patient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.Recipient;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.Routing;
import org.iep.core.directory.StaffAccess;
import org.iep.core.id.IdGenerator;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.core.policy.IepPolicy;
import org.iep.core.validation.Problems;

/** Creates transfers and requests: access, complete validation, then one commit, audit, listeners, notice. */
final class Creation {
    private final DirectoryStore directory;
    private final StaffAccess access;
    private final TransactionValidation validation;
    private final Commits commits;
    private final Auditor auditor;
    private final Notices notices;
    private final IdGenerator ids;
    private final TrackingNumbers tracking;
    private final Routing routing;
    private final Clock clock;
    private final IepPolicy policy;
    private final Optional<Pseudonymisation> pseudonymisation;

    Creation(DirectoryStore directory, StaffAccess access, TransactionValidation validation, Commits commits,
             Auditor auditor, Notices notices, IdGenerator ids, TrackingNumbers tracking, Routing routing,
             Clock clock, IepPolicy policy, Optional<Pseudonymisation> pseudonymisation) {
        this.pseudonymisation = pseudonymisation;
        this.directory = directory;
        this.access = access;
        this.validation = validation;
        this.commits = commits;
        this.auditor = auditor;
        this.notices = notices;
        this.ids = ids;
        this.tracking = tracking;
        this.routing = routing;
        this.clock = clock;
        this.policy = policy;
    }

    Transaction transfer(NewTransfer cmd, ClientInfo client) {
        User user = actingUser(cmd.actor(), cmd.actingFor(), Role.STANDARD, Role.ADMINISTRATOR);
        Institution origin = institution(user.institution());
        Instant now = clock.instant();
        Problems p = new Problems();
        Patient patient = validation.patient(p, cmd.patient(), today(origin, now));
        Recipient recipient = validation.recipient(p, cmd.recipient(), origin.id());
        List<StudyEntry> studies = validation.studies(p, cmd.studies(), true);
        p.check(cmd.priority() != null, "priority", "is required");
        validation.message(p, cmd.message(), "message", false);
        TransactionValidation.notPast(p, cmd.releaseAfter(), now, "releaseAfter");
        validation.sourceNode(p, cmd.source(), origin.id());
        String profile = pseudonymisationProfile(p, cmd.pseudonymisation(), origin);
        p.throwIfAny();
        if (!profile.isEmpty()) { // the transaction shows what its images will carry, never the originals
            Pseudonymisation ps = pseudonymisation.orElseThrow(() -> new IllegalStateException("Transactions was"
                    + " built without pseudonymisation; build it through IepCore"));
            patient = ps.pseudonymousPatient(origin.id(), profile, patient);
            studies = studies.stream().map(s -> new StudyEntry(ps.pseudonymousUid(origin.id(), profile,
                    s.studyInstanceUid()), "", "", s.modalities(), "", s.status(), s.expectedInstances(),
                    s.receivedInstances(), s.bytes())).toList();
        }

        Optional<NodeId> destination = destination(recipient, origin.id(), now);
        // "Doctor first" holds back an individual's (or company's) access; institutions get their images at once
        // unless the sender sets a release time explicitly.
        boolean toPerson = !(recipient instanceof InstitutionRecipient);
        Optional<Instant> release = cmd.releaseAfter().or(() -> !toPerson || origin.policies().releaseDelay()
                .isZero() ? Optional.empty() : Optional.of(now.plus(origin.policies().releaseDelay())));
        Transaction t = draft(TransactionType.TRANSFER, user, origin, recipient, patient, now)
                .destination(destination).source(cmd.source()).pseudonymisation(profile).studies(studies)
                .priority(cmd.priority())
                .messages(firstMessage(user, cmd.message(), now))
                .expires(now.plus(origin.policies().packageAvailability())).releaseAfter(release).build();
        return insert(t, user, origin, client);
    }

    /** The profile a transfer is pseudonymised with: the one asked for, else the institution's default. */
    private static String pseudonymisationProfile(Problems p, String asked, Institution origin) {
        if (NewTransfer.NO_PSEUDONYMISATION.equals(asked)) {
            return "";
        }
        String name = asked.isEmpty() ? origin.policies().pseudonymisationProfile() : asked;
        if (!name.isEmpty() && origin.policies().profile(name).isEmpty()) {
            p.check(false, "pseudonymisation", "'" + name + "' is not a pseudonymisation profile of the institution");
        }
        return name;
    }

    Transaction request(NewRequest cmd, ClientInfo client) {
        User user = actingUser(cmd.actor(), cmd.actingFor(), Role.values());
        Institution origin = institution(user.institution());
        Instant now = clock.instant();
        Problems p = new Problems();
        Patient patient = validation.patient(p, cmd.patient(), today(origin, now));
        Recipient recipient = validation.recipient(p, cmd.recipient(), origin.id());
        validation.message(p, cmd.message(), "message", true);
        p.check(cmd.priority() != null, "priority", "is required");
        TransactionValidation.notPast(p, cmd.requiredBy(), now, "requiredBy");
        p.throwIfAny();

        // A request carries no images; it lapses when it would be cancelled for lack of an answer (PurgeJob).
        Transaction t = draft(TransactionType.REQUEST, user, origin, recipient, patient, now)
                .priority(cmd.priority()).messages(firstMessage(user, cmd.message(), now))
                .expires(now.plus(policy.requestWithoutDetailsCancelAfter())).requiredBy(cmd.requiredBy()).build();
        return insert(t, user, origin, client);
    }

    /**
     * A DIRECT_ROUTING transaction of {@code source}, created by the DICOM listener when a node of that
     * institution pushes a patient's images under a direct route; it takes images at once (UPLOADING).
     */
    Transaction direct(InstitutionId source, InstitutionRecipient to, Priority priority, Patient patient, Party by,
                       ClientInfo client) {
        Institution origin = institution(source);
        Instant now = clock.instant();
        Problems p = new Problems();
        Recipient recipient = validation.recipient(p, to, origin.id());
        p.check(priority != null, "priority", "is required");
        p.throwIfAny();
        Transaction t = new Transaction.Builder().id(new TransactionId(ids.newId())).tracking(tracking.next(origin))
                .type(TransactionType.DIRECT_ROUTING).sender(by).origin(origin.id()).recipient(recipient)
                .destination(destination(recipient, origin.id(), now)).patient(patient).priority(priority)
                .status(TransactionStatus.UPLOADING).created(now).updated(now)
                .expires(now.plus(origin.policies().packageAvailability())).build();
        Transaction stored = commits.commit(TransactionChanges.insert(t)).get(0);
        auditor.record(by, "transaction.create", stored, Outcome.SUCCESS, client, "type=" + stored.type()
                + " tracking=" + stored.tracking() + " priority=" + stored.priority());
        commits.created(stored);
        notifyRecipient(stored, origin);
        return stored;
    }

    User actingUser(UserId actor, InstitutionId actingFor, Role... roles) {
        User user = access.requireRole(actor, roles);
        access.requireMemberOf(user, Objects.requireNonNull(actingFor, "actingFor"));
        return user;
    }

    // A node the sender picked (validated to accept them) is used as picked, like the delivery node on the
    // request form of seed 004; otherwise the recipient's routing, with its out-of-hours rule, decides.
    Optional<NodeId> destination(Recipient recipient, InstitutionId sender, Instant now) {
        if (recipient instanceof InstitutionRecipient r) {
            return Optional.of(r.node().orElseGet(() -> routing.destinationFor(r.institution(), sender, now).id()));
        }
        return Optional.empty();
    }

    Transaction.Builder draft(TransactionType type, User user, Institution origin, Recipient recipient,
                              Patient patient, Instant now) {
        return new Transaction.Builder().id(new TransactionId(ids.newId())).tracking(tracking.next(origin))
                .type(type).sender(StaffAccess.party(user)).origin(origin.id()).recipient(recipient)
                .patient(patient).priority(Priority.NORMAL).created(now).updated(now);
    }

    static List<Message> firstMessage(User user, String text, Instant now) {
        List<Message> m = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            m.add(new Message(now, StaffAccess.party(user), user.givenName() + " " + user.familyName(),
                    text.strip()));
        }
        return m;
    }

    Institution institution(InstitutionId id) {
        return directory.institution(id).orElseThrow(() -> new NotFoundException("Institution " + id));
    }

    private Transaction insert(Transaction t, User user, Institution origin, ClientInfo client) {
        Transaction stored = commits.commit(TransactionChanges.insert(t)).get(0);
        auditCreate(stored, user, client);
        commits.created(stored);
        notifyRecipient(stored, origin);
        return stored;
    }

    void auditCreate(Transaction t, User user, ClientInfo client) {
        Party actor = StaffAccess.party(user);
        auditor.record(actor, "transaction.create", t, Outcome.SUCCESS, client, "type=" + t.type() + " tracking="
                + t.tracking() + " priority=" + t.priority() + " studies=" + t.studies().size()
                + t.parent().map(id -> " parent=" + id).orElse(""));
    }

    // Individuals are told by the access feature when the package is available (with their link), not here.
    void notifyRecipient(Transaction t, Institution origin) {
        if (t.recipient() instanceof InstitutionRecipient r) {
            notices.created(t, institution(r.institution()), origin);
        }
    }

    private static LocalDate today(Institution origin, Instant now) {
        return now.atZone(origin.zone()).toLocalDate();
    }
}
