package org.iep.api.recipient;

import java.util.Objects;

/**
 * A company outside IEP's directory (an insurer, a law firm, a research organisation) reached through a named
 * contact, who accesses packages like an individual.
 */
public record CompanyRecipient(String companyName, IndividualRecipient contact) implements Recipient {
    public CompanyRecipient {
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(contact, "contact");
    }

    @Override
    public String displayName() {
        return companyName + " (" + contact.displayName() + ")";
    }
}
