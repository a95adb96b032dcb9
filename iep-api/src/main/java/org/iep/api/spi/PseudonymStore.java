package org.iep.api.spi;

import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.pseudonym.PseudonymLink;

/**
 * The links from pseudonyms back to patients. Thread-safe.
 *
 * <p>Contract: {@link #remember} is atomic and idempotent per (institution, profile, pseudonym): the first link
 * stays, later ones are ignored, under any concurrency. Failures of the backing system throw
 * {@code InfrastructureException}.
 */
public interface PseudonymStore {

    /** Stores {@code link} unless one exists for its (institution, profile, pseudonym); returns the stored one. */
    PseudonymLink remember(PseudonymLink link);

    Optional<PseudonymLink> find(InstitutionId institution, String profile, String pseudonym);
}
