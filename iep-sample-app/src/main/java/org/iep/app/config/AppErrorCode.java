package org.iep.app.config;

import org.iep.api.ErrorCode;

/** Error codes of the reference portal (7xxx). Numbers are stable; add new ones at the end. */
public enum AppErrorCode implements ErrorCode {
    INVALID_CONFIGURATION(7001, "The portal's configuration is invalid; every problem is listed"),
    START_FAILED(7002, "The portal could not start");

    private final int number;
    private final String summary;

    AppErrorCode(int number, String summary) {
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
