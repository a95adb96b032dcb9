package org.iep.api.transaction;

/** Delivery priority. Lower ordinal goes first. */
public enum Priority {
    /** Clinical emergency: a delivery lane is reserved for it. */
    BLUE_LIGHT,
    NORMAL,
    /** Bulk work: delivered only in the overnight window (default 20:00–06:00). */
    BATCH
}
