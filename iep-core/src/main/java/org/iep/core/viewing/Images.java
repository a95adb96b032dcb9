package org.iep.core.viewing;

import java.util.Objects;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualAccess;
import org.iep.api.audit.Outcome;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.StaffAccess;
import org.iep.core.transaction.Transactions;

/** The ways to a transaction's images, each through the core's access check (audited there). Thread-safe. */
public final class Images {
    private final InstanceIndex index;
    private final BlobStore blobs;
    private final IndividualAccess individuals;
    private final Transactions transactions;
    private final StaffAccess staff;
    private final Auditor auditor;

    public Images(InstanceIndex index, BlobStore blobs, IndividualAccess individuals, Transactions transactions,
                  StaffAccess staff, Auditor auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.individuals = Objects.requireNonNull(individuals, "individuals");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.staff = Objects.requireNonNull(staff, "staff");
    }

    /** For an individual's session: the VIEW right on the transaction (package ready, inside the view window). */
    public ImageSet forIndividual(String session, TransactionId transaction, ClientInfo client) {
        return new ImageSet(individuals.authorize(session, transaction, Action.VIEW, client).transaction(), index,
                blobs);
    }

    /** For staff of the sending or the receiving institution; others learn nothing (NotFound). */
    public ImageSet forStaff(UserId user, TransactionId transaction, ClientInfo client) {
        return new ImageSet(transactions.view(user, transaction, client), index, blobs);
    }

    /**
     * For staff adding images (STOW-RS): only the institution that sent the transaction. Returns the transaction to
     * ingest into.
     */
    public Transaction forStaffAdding(UserId user, TransactionId transaction, ClientInfo client) {
        Transaction t = transactions.view(user, transaction, client);
        User u = staff.requireActive(user);
        if (!t.origin().equals(u.institution())) {
            auditor.record(StaffAccess.party(u), "images.add", t, Outcome.DENIED, client, "not the sender");
            throw new AccessDeniedException(CoreErrorCode.WRONG_INSTITUTION, "Only the sending institution adds"
                    + " images to " + t.tracking() + ".");
        }
        return t;
    }
}
