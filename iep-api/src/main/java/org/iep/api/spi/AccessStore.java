package org.iep.api.spi;

import java.util.List;
import java.util.Optional;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.transaction.TransactionId;

/**
 * Individuals' access grants, including their passcode state. Thread-safe.
 *
 * <p>Contract: {@link #update} is a compare-and-set on {@code version}: of N concurrent updates read at the same
 * version exactly one succeeds, the others fail with {@code ConflictException(CONCURRENT_MODIFICATION)} and
 * change nothing. This is what makes passcode consumption single-use across threads and nodes.
 */
public interface AccessStore {

    /** Stores a new grant at version 1; an existing ID or token hash fails with {@code ConflictException(DUPLICATE)}. */
    AccessGrant insert(AccessGrant grant);

    Optional<AccessGrant> find(GrantId id);

    Optional<AccessGrant> findByToken(SecretHash tokenHash);

    /** Grants on one transaction, oldest first. */
    List<AccessGrant> forTransaction(TransactionId transaction);

    /** Grants whose recipient has this e-mail address (case-insensitive), newest first. */
    List<AccessGrant> forRecipient(String email);

    /** Stores {@code grant} if the stored version equals {@code grant.version()}; returns it at version + 1. */
    AccessGrant update(AccessGrant grant);
}
