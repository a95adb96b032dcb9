package org.iep.core.notify;

/** What one {@link OutboxWorker#runOnce} pass did: sent, dropped after expiry, put back for retry, given up. */
public record OutboxRun(int sent, int dropped, int retried, int dead) {
    public int total() {
        return sent + dropped + retried + dead;
    }
}
