package org.iep.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * User information item (PS3.8 9.3.2.3, PS3.7 Annex D).
 *
 * @param maxPduLength maximum P-DATA-TF length the sender can receive; 0 means unlimited
 * @param implementationClassUid required by PS3.7
 * @param implementationVersion may be null
 * @param maxOpsInvoked asynchronous operations window, or -1 when absent (then 1/1 applies)
 * @param maxOpsPerformed see maxOpsInvoked
 * @param roles role selection sub-items
 * @param userIdentity request sub-item, or null
 * @param userIdentityResponse server response of an AC (may be empty), or null when absent
 */
public record UserInformation(long maxPduLength, String implementationClassUid, String implementationVersion,
        int maxOpsInvoked, int maxOpsPerformed, List<RoleSelection> roles, UserIdentity userIdentity,
        byte[] userIdentityResponse) {
    public UserInformation {
        if (maxPduLength < 0 || maxPduLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max PDU length out of range");
        }
        Objects.requireNonNull(implementationClassUid);
        roles = List.copyOf(roles);
    }

    /** Just the maximum length and our implementation identification. */
    public static UserInformation basic(long maxPduLength, String implementationClassUid, String version) {
        return new UserInformation(maxPduLength, implementationClassUid, version, -1, -1, List.of(), null, null);
    }

    /** The role selection for a SOP class, or null. */
    public RoleSelection role(String sopClass) {
        for (RoleSelection r : roles) {
            if (r.sopClass().equals(sopClass)) {
                return r;
            }
        }
        return null;
    }
}
