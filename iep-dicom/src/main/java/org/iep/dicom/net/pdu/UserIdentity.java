package org.iep.dicom.net.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * User identity negotiation request (PS3.7 D.3.3.7). The fields are secrets (a passcode, a token): they never
 * appear in {@link #toString()}.
 *
 * @param type 1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JWT
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primary, byte[] secondary) {
    public static final int USERNAME = 1, USERNAME_PASSCODE = 2, KERBEROS = 3, SAML = 4, JWT = 5;

    public UserIdentity {
        Objects.requireNonNull(primary);
        Objects.requireNonNull(secondary);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentity u && u.type == type && u.positiveResponseRequested == positiveResponseRequested
                && Arrays.equals(u.primary, primary) && Arrays.equals(u.secondary, secondary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, positiveResponseRequested, Arrays.hashCode(primary), Arrays.hashCode(secondary));
    }

    @Override
    public String toString() {
        return "UserIdentity[type=" + type + ", primary=" + primary.length + " bytes, secondary=" + secondary.length
                + " bytes]";
    }
}
