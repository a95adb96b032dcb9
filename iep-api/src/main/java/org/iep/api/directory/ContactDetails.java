package org.iep.api.directory;

import java.util.Objects;

/** How people reach an institution's imaging service desk; shown to individuals on their dashboard. */
public record ContactDetails(String email, String phone) {
    public ContactDetails {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }
}
