package org.iep.api.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.patient.Patient;
import org.iep.api.recipient.Recipient;

/**
 * A transfer, request, forward or direct routing, with everything shown about it. Immutable: changes are made
 * with {@link #toBuilder()} and committed through {@code TransactionStore} with the expected {@link #version()}.
 *
 * @param origin       the institution that originated the package chain (for forwards: the source's origin); it
 *                     is notified of forwards and owns retention
 * @param destination  the node chosen by routing, when the recipient is an institution
 * @param source       the sender's node the studies are retrieved from (C-MOVE or C-GET by the delivery job);
 *                     empty when the images come another way (upload, STOW-RS, a push, a forward)
 * @param pseudonymisation the origin's pseudonymisation profile its images are stored under (every instance is
 *                     de-identified before it is written, so no original is ever stored), or empty for none
 * @param expires      when the package stops being available to its recipient
 * @param requiredBy   for requests: when the images are needed
 * @param releaseAfter "doctor first": the recipient gets access only after this instant
 * @param parent       the source of a forward, or the request a transfer answers
 * @param forwardCount how many forwards were made of this package (at most 3 by default)
 * @param version      optimistic-lock version, incremented by the store on every committed change
 */
public record Transaction(
        TransactionId id,
        TrackingNumber tracking,
        TransactionType type,
        Party sender,
        InstitutionId origin,
        Recipient recipient,
        Optional<NodeId> destination,
        Optional<NodeId> source,
        String pseudonymisation,
        Patient patient,
        List<StudyEntry> studies,
        List<Attachment> attachments,
        List<Message> messages,
        Priority priority,
        TransactionStatus status,
        String statusReason,
        Instant created,
        Instant updated,
        Instant expires,
        Optional<Instant> requiredBy,
        Optional<Instant> releaseAfter,
        Optional<TransactionId> parent,
        int forwardCount,
        long version) {

    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pseudonymisation, "pseudonymisation");
        Objects.requireNonNull(patient, "patient");
        studies = List.copyOf(studies);
        attachments = List.copyOf(attachments);
        messages = List.copyOf(messages);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(requiredBy, "requiredBy");
        Objects.requireNonNull(releaseAfter, "releaseAfter");
        Objects.requireNonNull(parent, "parent");
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Total instances received over all studies. */
    public int receivedInstances() {
        return studies.stream().mapToInt(StudyEntry::receivedInstances).sum();
    }

    /** Total bytes received over all studies. */
    public long bytes() {
        return studies.stream().mapToLong(StudyEntry::bytes).sum();
    }

    /** A mutable copy for building the next version; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private TransactionId id;
        private TrackingNumber tracking;
        private TransactionType type;
        private Party sender;
        private InstitutionId origin;
        private Recipient recipient;
        private Optional<NodeId> destination = Optional.empty();
        private Optional<NodeId> source = Optional.empty();
        private String pseudonymisation = "";
        private Patient patient;
        private List<StudyEntry> studies = List.of();
        private List<Attachment> attachments = List.of();
        private List<Message> messages = List.of();
        private Priority priority = Priority.NORMAL;
        private TransactionStatus status = TransactionStatus.NEW;
        private String statusReason = "";
        private Instant created;
        private Instant updated;
        private Instant expires;
        private Optional<Instant> requiredBy = Optional.empty();
        private Optional<Instant> releaseAfter = Optional.empty();
        private Optional<TransactionId> parent = Optional.empty();
        private int forwardCount;
        private long version;

        public Builder() {
        }

        private Builder(Transaction t) {
            id = t.id; tracking = t.tracking; type = t.type; sender = t.sender; origin = t.origin;
            recipient = t.recipient; destination = t.destination; source = t.source;
            pseudonymisation = t.pseudonymisation;
            patient = t.patient; studies = t.studies;
            attachments = t.attachments; messages = t.messages; priority = t.priority; status = t.status;
            statusReason = t.statusReason; created = t.created; updated = t.updated; expires = t.expires;
            requiredBy = t.requiredBy; releaseAfter = t.releaseAfter; parent = t.parent;
            forwardCount = t.forwardCount; version = t.version;
        }

        public Builder id(TransactionId v) { id = v; return this; }
        public Builder tracking(TrackingNumber v) { tracking = v; return this; }
        public Builder type(TransactionType v) { type = v; return this; }
        public Builder sender(Party v) { sender = v; return this; }
        public Builder origin(InstitutionId v) { origin = v; return this; }
        public Builder recipient(Recipient v) { recipient = v; return this; }
        public Builder destination(Optional<NodeId> v) { destination = v; return this; }
        public Builder source(Optional<NodeId> v) { source = v; return this; }
        public Builder pseudonymisation(String v) { pseudonymisation = v; return this; }
        public Builder patient(Patient v) { patient = v; return this; }
        public Builder studies(List<StudyEntry> v) { studies = v; return this; }
        public Builder attachments(List<Attachment> v) { attachments = v; return this; }
        public Builder messages(List<Message> v) { messages = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder status(TransactionStatus v) { status = v; return this; }
        public Builder statusReason(String v) { statusReason = v; return this; }
        public Builder created(Instant v) { created = v; return this; }
        public Builder updated(Instant v) { updated = v; return this; }
        public Builder expires(Instant v) { expires = v; return this; }
        public Builder requiredBy(Optional<Instant> v) { requiredBy = v; return this; }
        public Builder releaseAfter(Optional<Instant> v) { releaseAfter = v; return this; }
        public Builder parent(Optional<TransactionId> v) { parent = v; return this; }
        public Builder forwardCount(int v) { forwardCount = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public Transaction build() {
            return new Transaction(id, tracking, type, sender, origin, recipient, destination, source, pseudonymisation,
                    patient, studies, attachments, messages, priority, status, statusReason, created, updated, expires, requiredBy,
                    releaseAfter, parent, forwardCount, version);
        }
    }
}
