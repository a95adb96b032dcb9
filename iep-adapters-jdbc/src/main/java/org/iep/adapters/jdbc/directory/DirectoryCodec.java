package org.iep.adapters.jdbc.directory;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iep.adapters.jdbc.internal.JsonObject;
import org.iep.api.directory.ContactDetails;
import org.iep.api.directory.CoreHours;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.RegistrationState;
import org.iep.api.directory.Role;
import org.iep.api.directory.SecurityUnitId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.pseudonym.PseudonymisationProfile;

/** JSON documents of institutions, users and nodes. Stateless. */
final class DirectoryCodec {
    private DirectoryCodec() {
    }

    static String institution(Institution i) {
        CoreHours h = i.coreHours();
        InstitutionPolicies p = i.policies();
        return JsonObject.create().put("id", i.id().value()).put("code", i.code()).put("name", i.name())
                .put("email", i.contact().email()).put("phone", i.contact().phone()).put("zone", i.zone().getId())
                .put("coreHours", JsonObject.create().put("weekdayStart", h.weekdayStart().toString())
                        .put("weekdayEnd", h.weekdayEnd().toString()).put("weekendStart", h.weekendStart().toString())
                        .put("weekendEnd", h.weekendEnd().toString()))
                .put("policies", JsonObject.create().put("retention", p.retention().toString())
                        .put("packageAvailability", p.packageAvailability().toString())
                        .put("releaseDelay", p.releaseDelay().toString())
                        .put("allowMixedPatients", p.allowMixedPatients())
                        .put("pseudonymisationProfile", p.pseudonymisationProfile())
                        .putList("pseudonymisationProfiles", p.pseudonymisationProfiles(), DirectoryCodec::profile))
                .toJson();
    }

    static Institution institution(String json) {
        return JsonObject.decode(json, "an institution", o -> {
            JsonObject h = o.obj("coreHours");
            JsonObject p = o.obj("policies");
            return new Institution(new InstitutionId(o.str("id")), o.str("code"), o.str("name"),
                    new ContactDetails(o.str("email"), o.str("phone")), ZoneId.of(o.str("zone")),
                    new CoreHours(LocalTime.parse(h.str("weekdayStart")), LocalTime.parse(h.str("weekdayEnd")),
                            LocalTime.parse(h.str("weekendStart")), LocalTime.parse(h.str("weekendEnd"))),
                    new InstitutionPolicies(Duration.parse(p.str("retention")),
                            Duration.parse(p.str("packageAvailability")), Duration.parse(p.str("releaseDelay")),
                            p.bool("allowMixedPatients"), p.str("pseudonymisationProfile"),
                            p.has("pseudonymisationProfiles") ? p.objects("pseudonymisationProfiles").stream()
                                    .map(DirectoryCodec::profile).toList() : List.of()));
        });
    }

    private static JsonObject profile(PseudonymisationProfile p) {
        JsonObject actions = JsonObject.create();
        p.tagActions().forEach(actions::put);
        return JsonObject.create().put("name", p.name()).putList("options", List.copyOf(new TreeSet<>(p.options())),
                o -> o).put("tagActions", actions).put("acceptBurnedIn", p.acceptBurnedIn());
    }

    private static PseudonymisationProfile profile(JsonObject o) {
        Map<String, String> actions = new TreeMap<>();
        o.obj("tagActions").keys().forEach(k -> actions.put(k, o.obj("tagActions").str(k)));
        return new PseudonymisationProfile(o.str("name"), Set.copyOf(o.strings("options")), actions,
                o.bool("acceptBurnedIn"));
    }

    static String user(User u) {
        return JsonObject.create().put("id", u.id().value()).put("institution", u.institution().value())
                .put("email", u.email()).put("familyName", u.familyName()).put("givenName", u.givenName())
                .putList("roles", u.roles().stream().map(Role::name).sorted().toList(), r -> r)
                .putList("units", u.units().stream().map(SecurityUnitId::value).sorted().toList(), s -> s)
                .put("state", u.state().name()).toJson();
    }

    static User user(String json) {
        return JsonObject.decode(json, "a user", o -> new User(new UserId(o.str("id")),
                new InstitutionId(o.str("institution")), o.str("email"), o.str("familyName"), o.str("givenName"),
                mapToSet(o.strings("roles"), Role::valueOf), mapToSet(o.strings("units"), SecurityUnitId::new),
                o.enumValue("state", RegistrationState.class)));
    }

    static String node(Node n) {
        return JsonObject.create().put("id", n.id().value()).put("owner", n.owner().value())
                .put("aeTitle", n.aeTitle()).put("host", n.host()).put("port", (long) n.port()).put("tls", n.tls())
                .putList("allowedSenders", n.allowedSenders().stream().map(InstitutionId::value).sorted().toList(),
                        s -> s)
                .put("outOfHours", n.outOfHours().map(NodeId::value)).put("receivesDefault", n.receivesDefault())
                .toJson();
    }

    static Node node(String json) {
        return JsonObject.decode(json, "a node", o -> new Node(new NodeId(o.str("id")),
                new InstitutionId(o.str("owner")), o.str("aeTitle"), o.str("host"), o.integer("port"),
                o.bool("tls"), mapToSet(o.strings("allowedSenders"), InstitutionId::new),
                o.optStr("outOfHours").map(NodeId::new), o.bool("receivesDefault")));
    }

    private static <T> java.util.Set<T> mapToSet(List<String> values, java.util.function.Function<String, T> f) {
        return values.stream().map(f).collect(java.util.stream.Collectors.toSet());
    }
}
