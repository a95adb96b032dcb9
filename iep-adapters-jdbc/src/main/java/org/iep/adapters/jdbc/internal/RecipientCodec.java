package org.iep.adapters.jdbc.internal;

import java.util.Locale;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.recipient.Recipient;

/** JSON form of recipients and postal addresses, shared by the transaction and access-grant documents. Stateless. */
public final class RecipientCodec {
    private RecipientCodec() {
    }

    public static JsonObject encode(Recipient r) {
        if (r instanceof InstitutionRecipient i) {
            return JsonObject.create().put("kind", "institution").put("institution", i.institution().value())
                    .put("name", i.name()).put("node", i.node().map(NodeId::value));
        }
        if (r instanceof CompanyRecipient c) {
            return JsonObject.create().put("kind", "company").put("companyName", c.companyName())
                    .put("contact", encodeIndividual(c.contact()));
        }
        return encodeIndividual((IndividualRecipient) r).put("kind", "individual");
    }

    public static Recipient decode(JsonObject o) {
        return switch (o.str("kind")) {
            case "institution" -> new InstitutionRecipient(new InstitutionId(o.str("institution")), o.str("name"),
                    o.optStr("node").map(NodeId::new));
            case "company" -> new CompanyRecipient(o.str("companyName"), decodeIndividual(o.obj("contact")));
            case "individual" -> decodeIndividual(o);
            default -> throw new IllegalArgumentException("unknown recipient kind " + o.str("kind"));
        };
    }

    public static JsonObject encodeIndividual(IndividualRecipient p) {
        return JsonObject.create().put("email", p.email()).put("familyName", p.familyName())
                .put("givenName", p.givenName()).put("address", encodeAddress(p.address())).put("phone", p.phone())
                .put("passcodeEmail", p.passcodeEmail()).put("language", p.language().toLanguageTag())
                .put("channel", p.channel().name());
    }

    public static IndividualRecipient decodeIndividual(JsonObject o) {
        return new IndividualRecipient(o.str("email"), o.str("familyName"), o.str("givenName"),
                decodeAddress(o.obj("address")), o.str("phone"), o.str("passcodeEmail"),
                Locale.forLanguageTag(o.str("language")), o.enumValue("channel", PasscodeChannel.class));
    }

    public static JsonObject encodeAddress(PostalAddress a) {
        return JsonObject.create().putList("lines", a.lines(), l -> l).put("postcode", a.postcode())
                .put("country", a.country());
    }

    public static PostalAddress decodeAddress(JsonObject o) {
        return new PostalAddress(o.strings("lines"), o.str("postcode"), o.str("country"));
    }
}
