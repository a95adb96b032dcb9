package org.iep.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iep.api.InvalidInputException;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.User;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.recipient.Recipient;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.spi.NodeStore;
import org.iep.api.directory.Node;
import org.iep.api.Problem;
import org.iep.core.transaction.NewRequest;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;

/**
 * The REST API's JSON for transactions: request bodies into the core's commands (every format problem listed at
 * once; the core then validates the content), transactions into response documents. Stateless.
 */
final class TransactionJson {
    private final DirectoryStore directory;
    private final NodeStore nodes;

    TransactionJson(DirectoryStore directory, NodeStore nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    NewTransfer transfer(JsonNode body, User actor) {
        JsonFields f = new JsonFields();
        PatientDetails patient = patient(f, body.get("patient"));
        Recipient recipient = recipient(f, body.get("recipient"));
        List<SelectedStudy> studies = new ArrayList<>();
        List<JsonNode> items = f.array(body, "studies", "studies");
        for (int i = 0; i < items.size(); i++) {
            String p = "studies[" + i + "].";
            studies.add(new SelectedStudy(f.text(items.get(i), "studyInstanceUid", p + "studyInstanceUid"),
                    f.text(items.get(i), "accessionNumber", p + "accessionNumber"),
                    f.text(items.get(i), "description", p + "description")));
        }
        Priority priority = f.choice(body, "priority", "priority", Priority.class, Priority.NORMAL);
        String message = f.text(body, "message", "message");
        var releaseAfter = f.instant(body, "releaseAfter", "releaseAfter");
        // the PACS the studies are retrieved from, by the AE title the institution gave its node
        String sourceAe = f.text(body, "sourceAeTitle", "sourceAeTitle").strip();
        Optional<NodeId> source = Optional.empty();
        if (!sourceAe.isEmpty()) {
            source = nodes.owned(actor.institution()).stream().filter(n -> n.aeTitle().strip().equals(sourceAe))
                    .map(Node::id).findFirst();
            if (source.isEmpty()) {
                f.problems.add(new Problem("sourceAeTitle", "is not the AE title of a node of your institution"));
            }
        }
        // a profile of the institution, "none", or absent for the institution's default
        String pseudonymisation = f.text(body, "pseudonymisation", "pseudonymisation").strip();
        throwIfAny(f);
        return new NewTransfer(actor.id(), actor.institution(), patient, recipient, studies, priority, message,
                releaseAfter, source, pseudonymisation);
    }

    NewRequest request(JsonNode body, User actor) {
        JsonFields f = new JsonFields();
        PatientDetails patient = patient(f, body.get("patient"));
        Recipient recipient = recipient(f, body.get("recipient"));
        String message = f.text(body, "message", "message");
        Priority priority = f.choice(body, "priority", "priority", Priority.class, Priority.NORMAL);
        var requiredBy = f.instant(body, "requiredBy", "requiredBy");
        throwIfAny(f);
        return new NewRequest(actor.id(), actor.institution(), patient, recipient, message, priority, requiredBy);
    }

    private static PatientDetails patient(JsonFields f, JsonNode p) {
        return new PatientDetails(f.text(p, "id", "patient.id"), f.text(p, "issuer", "patient.issuer"),
                f.text(p, "familyName", "patient.familyName"), f.text(p, "givenName", "patient.givenName"),
                f.date(p, "birthDate", "patient.birthDate").orElse(null),
                f.choice(p, "sex", "patient.sex", Sex.class, Sex.UNKNOWN), f.text(p, "nhsNumber", "patient.nhsNumber"),
                f.text(p, "noNhsNumberReason", "patient.noNhsNumberReason"),
                address(f, p == null ? null : p.get("address"), "patient.address"));
    }

    private Recipient recipient(JsonFields f, JsonNode r) {
        String type = f.text(r, "type", "recipient.type");
        switch (type) {
            case "individual":
                return individual(f, r, "recipient.");
            case "company":
                return new CompanyRecipient(f.text(r, "companyName", "recipient.companyName"),
                        individual(f, r == null ? null : r.get("contact"), "recipient.contact."));
            case "institution": {
                String code = f.text(r, "code", "recipient.code");
                Optional<Institution> inst = directory.institutionByCode(code);
                if (inst.isEmpty()) {
                    f.problems.add(new org.iep.api.Problem("recipient.code", "no institution has the code '"
                            + code + "'"));
                    return new InstitutionRecipient(new InstitutionId("unknown"), code, Optional.empty());
                }
                String node = f.text(r, "node", "recipient.node");
                return new InstitutionRecipient(inst.get().id(), inst.get().name(),
                        node.isEmpty() ? Optional.empty() : Optional.of(new NodeId(node)));
            }
            default:
                f.problems.add(new org.iep.api.Problem("recipient.type", "must be individual, company or institution"));
                return individual(f, null, "recipient.");
        }
    }

    private static IndividualRecipient individual(JsonFields f, JsonNode r, String p) {
        String language = f.text(r, "language", p + "language");
        return new IndividualRecipient(f.text(r, "email", p + "email"), f.text(r, "familyName", p + "familyName"),
                f.text(r, "givenName", p + "givenName"), address(f, r == null ? null : r.get("address"), p + "address"),
                f.text(r, "phone", p + "phone"), f.text(r, "passcodeEmail", p + "passcodeEmail"),
                language.isEmpty() ? Locale.UK : Locale.forLanguageTag(language),
                f.choice(r, "passcodeChannel", p + "passcodeChannel", PasscodeChannel.class, PasscodeChannel.SMS));
    }

    private static PostalAddress address(JsonFields f, JsonNode a, String path) {
        if (a == null || a.isNull()) {
            return PostalAddress.NONE;
        }
        return new PostalAddress(f.strings(a, "lines", path + ".lines"), f.text(a, "postcode", path + ".postcode"),
                f.text(a, "country", path + ".country"));
    }

    private static void throwIfAny(JsonFields f) {
        if (!f.problems.isEmpty()) {
            throw new InvalidInputException(f.problems);
        }
    }

    /** What an institution's system sees of a transaction. */
    static Map<String, Object> document(Transaction t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", t.id().value());
        d.put("trackingNumber", t.tracking().value());
        d.put("type", t.type().name().toLowerCase(Locale.ROOT));
        d.put("status", t.status().name().toLowerCase(Locale.ROOT));
        d.put("priority", t.priority().name().toLowerCase(Locale.ROOT));
        d.put("recipient", t.recipient().displayName());
        d.put("patient", Map.of("id", t.patient().identifier().id(), "issuer", t.patient().identifier().issuer(),
                "familyName", t.patient().familyName(), "givenName", t.patient().givenName()));
        d.put("studies", t.studies().stream().map(s -> Map.of("studyInstanceUid", s.studyInstanceUid(),
                "accessionNumber", s.accessionNumber(), "description", s.description(),
                "status", s.status().name().toLowerCase(Locale.ROOT), "progress", s.progress())).toList());
        d.put("reports", t.attachments().stream().map(a -> Map.of("fileName", a.fileName(), "mediaType",
                a.mediaType(), "size", a.size(), "studyInstanceUid", a.studyInstanceUid())).toList());
        d.put("messages", t.messages().stream().map(m -> Map.of("at", m.at().toString(), "author", m.authorName(),
                "text", m.text())).toList());
        d.put("created", t.created().toString());
        d.put("expires", t.expires().toString());
        d.put("forwardCount", t.forwardCount());
        t.parent().ifPresent(p -> d.put("parent", p.value()));
        t.source().ifPresent(n -> d.put("sourceNode", n.value()));
        t.destination().ifPresent(n -> d.put("destinationNode", n.value()));
        return d;
    }
}
