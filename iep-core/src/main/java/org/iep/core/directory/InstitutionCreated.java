package org.iep.core.directory;

import java.util.Objects;
import org.iep.api.directory.Institution;
import org.iep.api.directory.User;

/** A new institution and its first, already approved, administrator. */
public record InstitutionCreated(Institution institution, User administrator) {
    public InstitutionCreated {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(administrator, "administrator");
    }
}
