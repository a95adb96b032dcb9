package org.iep.dicom.net.pdu;

import java.util.Objects;

/** SCP/SCU role selection sub-item (PS3.7 D.3.3.4) for one SOP class. */
public record RoleSelection(String sopClass, boolean scu, boolean scp) {
    public RoleSelection {
        Objects.requireNonNull(sopClass);
    }
}
