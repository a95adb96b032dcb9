package org.iep.core.directory;

import java.util.function.Supplier;
import org.iep.api.AccessDeniedException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.UserId;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;

/** Audits directory changes refused for lack of access as DENIED (DESIGN.md §6), then rethrows. */
final class Refusals {
    private final StaffAccess access;
    private final Auditor auditor;

    Refusals(StaffAccess access, Auditor auditor) {
        this.access = access;
        this.auditor = auditor;
    }

    <T> T audited(UserId actor, String action, ClientInfo client, Supplier<T> call) {
        try {
            return call.get();
        } catch (AccessDeniedException e) {
            auditor.record(access.auditParty(actor), action, Outcome.DENIED, client, e.errorCode().code());
            throw e;
        }
    }
}
