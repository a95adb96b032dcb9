package org.iep.adapters.notify;

import org.iep.api.ErrorCode;

/** Error codes of the SMS gateway adapter (4500–4599). Numbers are stable; add new ones at the end. */
public enum NotifyErrorCode implements ErrorCode {
    GATEWAY_UNAVAILABLE(4501, "The SMS gateway could not be reached, failed or limited the rate; the outbox retries"),
    MESSAGE_REJECTED(4502, "The SMS gateway refused the message permanently"),
    INVALID_NUMBER(4503, "The phone number is not an E.164 number such as +447700900123"),
    AUTHENTICATION_FAILED(4504, "The SMS gateway refused IEP's API key; check iep.notify.apiKey"),
    INVALID_CONFIGURATION(4505, "The SMS gateway configuration is invalid; every problem is listed");

    private final int number;
    private final String summary;

    NotifyErrorCode(int number, String summary) {
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
