package org.iep.api.directory;

/** A user registers, then an administrator of the same institution approves or rejects; approved users can be disabled. */
public enum RegistrationState {
    PENDING, APPROVED, REJECTED, DISABLED
}
