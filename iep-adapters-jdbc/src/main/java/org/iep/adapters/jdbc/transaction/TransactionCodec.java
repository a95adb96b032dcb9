package org.iep.adapters.jdbc.transaction;

import java.time.LocalDate;
import org.iep.adapters.jdbc.internal.JsonObject;
import org.iep.adapters.jdbc.internal.RecipientCodec;
import org.iep.api.access.GrantId;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.UserId;
import org.iep.api.patient.NhsNumber;
import org.iep.api.patient.Patient;
import org.iep.api.patient.PatientIdentifier;
import org.iep.api.patient.Sex;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.AttachmentId;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;

/** The JSON document of a transaction: every field but the version, which lives in its own column. Stateless. */
final class TransactionCodec {
    private TransactionCodec() {
    }

    static String encode(Transaction t) {
        return JsonObject.create().put("id", t.id().value()).put("tracking", t.tracking().value())
                .put("type", t.type().name()).put("sender", party(t.sender())).put("origin", t.origin().value())
                .put("recipient", RecipientCodec.encode(t.recipient()))
                .put("destination", t.destination().map(NodeId::value))
                .put("source", t.source().map(NodeId::value))
                .put("pseudonymisation", t.pseudonymisation()).put("patient", patient(t.patient()))
                .putList("studies", t.studies(), TransactionCodec::study)
                .putList("attachments", t.attachments(), TransactionCodec::attachment)
                .putList("messages", t.messages(), TransactionCodec::message)
                .put("priority", t.priority().name()).put("status", t.status().name())
                .put("statusReason", t.statusReason()).put("created", t.created()).put("updated", t.updated())
                .put("expires", t.expires()).put("requiredBy", t.requiredBy()).put("releaseAfter", t.releaseAfter())
                .put("parent", t.parent().map(TransactionId::value)).put("forwardCount", (long) t.forwardCount())
                .toJson();
    }

    static Transaction decode(String json, long version) {
        return JsonObject.decode(json, "a transaction", o -> new Transaction.Builder()
                .id(new TransactionId(o.str("id"))).tracking(new TrackingNumber(o.str("tracking")))
                .type(o.enumValue("type", TransactionType.class)).sender(party(o.obj("sender")))
                .origin(new InstitutionId(o.str("origin"))).recipient(RecipientCodec.decode(o.obj("recipient")))
                .destination(o.optStr("destination").map(NodeId::new))
                .source(o.optStr("source").map(NodeId::new))
                .pseudonymisation(o.optStr("pseudonymisation").orElse("")).patient(patient(o.obj("patient")))
                .studies(o.objects("studies").stream().map(TransactionCodec::study).toList())
                .attachments(o.objects("attachments").stream().map(TransactionCodec::attachment).toList())
                .messages(o.objects("messages").stream().map(TransactionCodec::message).toList())
                .priority(o.enumValue("priority", Priority.class))
                .status(o.enumValue("status", TransactionStatus.class)).statusReason(o.str("statusReason"))
                .created(o.instant("created")).updated(o.instant("updated")).expires(o.instant("expires"))
                .requiredBy(o.optInstant("requiredBy")).releaseAfter(o.optInstant("releaseAfter"))
                .parent(o.optStr("parent").map(TransactionId::new)).forwardCount(o.integer("forwardCount"))
                .version(version).build());
    }

    private static JsonObject party(Party p) {
        if (p instanceof Party.Staff s) {
            return JsonObject.create().put("kind", "staff").put("institution", s.institution().value())
                    .put("user", s.user().value());
        }
        if (p instanceof Party.Individual i) {
            return JsonObject.create().put("kind", "individual").put("grant", i.grant().value())
                    .put("displayName", i.displayName());
        }
        return JsonObject.create().put("kind", "system").put("component", ((Party.System) p).component());
    }

    private static Party party(JsonObject o) {
        return switch (o.str("kind")) {
            case "staff" -> new Party.Staff(new InstitutionId(o.str("institution")), new UserId(o.str("user")));
            case "individual" -> new Party.Individual(new GrantId(o.str("grant")), o.str("displayName"));
            case "system" -> new Party.System(o.str("component"));
            default -> throw new IllegalArgumentException("unknown party kind " + o.str("kind"));
        };
    }

    private static JsonObject patient(Patient p) {
        return JsonObject.create().put("id", p.identifier().id()).put("issuer", p.identifier().issuer())
                .put("familyName", p.familyName()).put("givenName", p.givenName())
                .put("birthDate", p.birthDate().toString()).put("sex", p.sex().name())
                .put("nhsNumber", p.nhsNumber().map(NhsNumber::value))
                .put("address", RecipientCodec.encodeAddress(p.address()))
                .put("noNhsNumberReason", p.noNhsNumberReason());
    }

    private static Patient patient(JsonObject o) {
        return new Patient(new PatientIdentifier(o.str("id"), o.str("issuer")), o.str("familyName"),
                o.str("givenName"), LocalDate.parse(o.str("birthDate")), o.enumValue("sex", Sex.class),
                o.optStr("nhsNumber").map(NhsNumber::new), RecipientCodec.decodeAddress(o.obj("address")),
                o.str("noNhsNumberReason"));
    }

    private static JsonObject study(StudyEntry s) {
        return JsonObject.create().put("uid", s.studyInstanceUid()).put("accession", s.accessionNumber())
                .put("description", s.description()).put("modalities", s.modalities()).put("date", s.studyDate())
                .put("status", s.status().name()).put("expected", (long) s.expectedInstances())
                .put("received", (long) s.receivedInstances()).put("bytes", s.bytes());
    }

    private static StudyEntry study(JsonObject o) {
        return new StudyEntry(o.str("uid"), o.str("accession"), o.str("description"), o.str("modalities"),
                o.str("date"), o.enumValue("status", StudyStatus.class), o.integer("expected"),
                o.integer("received"), o.lng("bytes"));
    }

    private static JsonObject attachment(Attachment a) {
        return JsonObject.create().put("id", a.id().value()).put("fileName", a.fileName())
                .put("mediaType", a.mediaType()).put("size", a.size()).put("sha256", a.sha256())
                .put("study", a.studyInstanceUid());
    }

    private static Attachment attachment(JsonObject o) {
        return new Attachment(new AttachmentId(o.str("id")), o.str("fileName"), o.str("mediaType"), o.lng("size"),
                o.str("sha256"), o.str("study"));
    }

    private static JsonObject message(Message m) {
        return JsonObject.create().put("at", m.at()).put("author", party(m.author()))
                .put("authorName", m.authorName()).put("text", m.text());
    }

    private static Message message(JsonObject o) {
        return new Message(o.instant("at"), party(o.obj("author")), o.str("authorName"), o.str("text"));
    }
}
