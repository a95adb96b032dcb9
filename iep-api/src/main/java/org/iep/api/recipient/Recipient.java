package org.iep.api.recipient;

/** Who a transaction goes to (or, for a request, who is asked). */
public sealed interface Recipient permits InstitutionRecipient, CompanyRecipient, IndividualRecipient {
    /** A name to show in lists. */
    String displayName();
}
