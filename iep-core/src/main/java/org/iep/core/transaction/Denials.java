package org.iep.core.transaction;

import java.util.function.Supplier;
import org.iep.api.AccessDeniedException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.UserId;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.StaffAccess;

/**
 * Audits staff actions refused for lack of access (DESIGN.md §6: every action, with its outcome), then rethrows.
 * Refusals for invalid input are not audited: nothing was attempted on anyone's data.
 */
final class Denials {
    private final TransactionStore store;
    private final StaffAccess access;
    private final Auditor auditor;

    Denials(TransactionStore store, StaffAccess access, Auditor auditor) {
        this.store = store;
        this.access = access;
        this.auditor = auditor;
    }

    /** Runs {@code call}; a refusal is recorded against {@code id}'s transaction when there is one. */
    <T> T audited(UserId actor, String action, TransactionId id, ClientInfo client, Supplier<T> call) {
        try {
            return call.get();
        } catch (AccessDeniedException e) {
            Party who = access.auditParty(actor);
            String detail = e.errorCode().code();
            if (id != null && store.find(id).isPresent()) {
                auditor.record(who, action, store.find(id).get(), Outcome.DENIED, client, detail);
            } else {
                auditor.record(who, action, Outcome.DENIED, client, detail);
            }
            throw e;
        }
    }
}
