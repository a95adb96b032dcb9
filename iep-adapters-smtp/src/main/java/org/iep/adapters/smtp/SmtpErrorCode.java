package org.iep.adapters.smtp;

import org.iep.api.ErrorCode;

/** Error codes of the SMTP adapter (4000–4499). Numbers are stable; add new ones at the end. */
public enum SmtpErrorCode implements ErrorCode {
    SERVER_UNAVAILABLE(4001, "The mail server could not be reached or failed temporarily; the outbox retries"),
    MESSAGE_REJECTED(4002, "The mail server refused the message or its recipient permanently"),
    AUTHENTICATION_FAILED(4003, "The mail server refused IEP's credentials; check iep.smtp.user and iep.smtp.password"),
    INVALID_CONFIGURATION(4004, "The SMTP configuration is invalid; every problem is listed");

    private final int number;
    private final String summary;

    SmtpErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
