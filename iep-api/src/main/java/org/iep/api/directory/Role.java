package org.iep.api.directory;

/** What a user of an institution may do. A user has one or more roles. */
public enum Role {
    /** Approves registrations, manages roles, nodes, policies; reads audit and statistics. */
    ADMINISTRATOR,
    /** Creates transfers and requests, answers requests, exchanges messages. */
    STANDARD,
    /** May create requests but never transfers (e.g. clinicians without a PACS role). */
    REQUEST_ONLY,
    /** Reads audit records and statistics of the own institution only. */
    AUDITOR
}
