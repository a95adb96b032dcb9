package org.iep.adapters.jdbc.access;

import org.iep.adapters.jdbc.internal.JsonObject;
import org.iep.adapters.jdbc.internal.RecipientCodec;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantId;
import org.iep.api.access.GrantState;
import org.iep.api.access.PasscodeState;
import org.iep.api.access.SecretHash;
import org.iep.api.transaction.TransactionId;

/** The JSON document of an access grant: every field but the version, which lives in its own column. Stateless. */
final class GrantCodec {
    private GrantCodec() {
    }

    static String encode(AccessGrant g) {
        PasscodeState p = g.passcode();
        return JsonObject.create().put("id", g.id().value()).put("transaction", g.transaction().value())
                .put("tokenHash", g.tokenHash().hex()).put("recipient", RecipientCodec.encodeIndividual(g.recipient()))
                .put("mayForward", g.mayForward()).put("state", g.state().name()).put("created", g.created())
                .put("viewUntil", g.viewUntil()).put("expires", g.expires())
                .put("passcode", JsonObject.create().put("currentCode", p.currentCode().map(SecretHash::hex))
                        .put("issuedAt", p.issuedAt()).put("triesLeft", (long) p.triesLeft())
                        .put("consecutiveFailures", (long) p.consecutiveFailures())
                        .put("lockedUntil", p.lockedUntil())
                        .putList("recentSends", p.recentSends(), Object::toString))
                .toJson();
    }

    static AccessGrant decode(String json, long version) {
        return JsonObject.decode(json, "an access grant", o -> {
            JsonObject p = o.obj("passcode");
            PasscodeState passcode = new PasscodeState(p.optStr("currentCode").map(SecretHash::new),
                    p.instant("issuedAt"), p.integer("triesLeft"), p.integer("consecutiveFailures"),
                    p.optInstant("lockedUntil"),
                    p.strings("recentSends").stream().map(java.time.Instant::parse).toList());
            return new AccessGrant(new GrantId(o.str("id")), new TransactionId(o.str("transaction")),
                    new SecretHash(o.str("tokenHash")), RecipientCodec.decodeIndividual(o.obj("recipient")),
                    o.bool("mayForward"), o.enumValue("state", GrantState.class), o.instant("created"),
                    o.instant("viewUntil"), o.instant("expires"), passcode, version);
        });
    }
}
