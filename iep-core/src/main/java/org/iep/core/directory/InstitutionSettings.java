package org.iep.core.directory;

import org.iep.api.directory.CoreHours;
import org.iep.api.directory.InstitutionPolicies;

/**
 * What an institution's administrators may change about it. The code and name are not here: the code is part of
 * every tracking number already issued, and the name is what other institutions know it by, so both stay with the
 * system operator. Fields may be null: {@code coreHours} and {@code policies} null keep the current ones.
 */
public record InstitutionSettings(String contactEmail, String contactPhone, String zone, CoreHours coreHours,
                                  InstitutionPolicies policies) {
}
