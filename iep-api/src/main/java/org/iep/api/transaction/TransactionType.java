package org.iep.api.transaction;

/** What a transaction is. */
public enum TransactionType {
    /** Studies sent by an institution to an institution, company or individual. */
    TRANSFER,
    /** Studies asked for; answered by a linked TRANSFER (or an individual's upload) or declined. */
    REQUEST,
    /** An individual's onward copy of a received package; a forward cannot be forwarded again. */
    FORWARD,
    /** Created by a PACS pushing to a called AE title mapped to a fixed destination. */
    DIRECT_ROUTING
}
