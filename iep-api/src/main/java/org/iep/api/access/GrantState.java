package org.iep.api.access;

/** Whether an access grant can still be used. Anything but ACTIVE denies access at once. */
public enum GrantState {
    ACTIVE, DECLINED, REVOKED
}
