package org.iep.core.directory;

import java.util.Set;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Role;

/**
 * A self-registration from the portal's front page. The user stays PENDING until an administrator of the same
 * institution approves it. Fields may be null and are validated.
 *
 * @param requestedRoles what the person asks for; the approving administrator decides
 */
public record Registration(InstitutionId institution, NewUser person, Set<Role> requestedRoles) {
}
