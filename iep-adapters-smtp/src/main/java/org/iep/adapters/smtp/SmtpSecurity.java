package org.iep.adapters.smtp;

/** How the connection to the relay is protected. */
public enum SmtpSecurity {
    /** Plain SMTP upgraded with STARTTLS; sending fails if the server does not offer it (the default). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SMTPS,
    /** No TLS: only for a relay on the same host or a test server. */
    NONE
}
