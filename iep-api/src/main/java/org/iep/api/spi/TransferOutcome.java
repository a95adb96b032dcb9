package org.iep.api.spi;

/** Counts from a C-MOVE / C-GET / C-STORE sequence: completed, failed and warning sub-operations. */
public record TransferOutcome(int completed, int failed, int warning) {
    public boolean succeeded() {
        return failed == 0;
    }
}
