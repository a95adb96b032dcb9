package org.iep.adapters.hl7;

import org.iep.api.ErrorCode;

/** Error codes of the HL7 adapter (6000–6999). Numbers are stable; add new ones at the end. */
public enum Hl7ErrorCode implements ErrorCode {
    INVALID_CONFIGURATION(6001, "The HL7 listener configuration is invalid; every problem is listed"),
    LISTENER_FAILED(6002, "The HL7 listener could not open its port; check iep.hl7.port and that it is free");

    private final int number;
    private final String summary;

    Hl7ErrorCode(int number, String summary) {
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
