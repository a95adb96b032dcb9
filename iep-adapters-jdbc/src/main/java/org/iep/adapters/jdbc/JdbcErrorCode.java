package org.iep.adapters.jdbc;

import org.iep.api.ErrorCode;

/** Error codes of the JDBC adapters (2xxx). Numbers are stable; add new ones at the end. */
public enum JdbcErrorCode implements ErrorCode {
    DATABASE_UNAVAILABLE(2001, "The database cannot be reached or went away; nothing was committed; retry later"),
    TRANSIENT_CONFLICT(2002, "The database aborted the statement (serialization failure or deadlock); retry"),
    PERMISSION_DENIED(2003, "The database role lacks a privilege this operation needs"),
    STATEMENT_FAILED(2004, "The database refused a statement for an unexpected reason"),
    CORRUPT_RECORD(2005, "A stored record could not be decoded"),
    MIGRATION_FAILED(2006, "The database schema could not be migrated to this version of IEP"),
    INVALID_CONFIGURATION(2007, "The JDBC configuration is invalid; every problem is listed");

    private final int number;
    private final String summary;

    JdbcErrorCode(int number, String summary) {
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
