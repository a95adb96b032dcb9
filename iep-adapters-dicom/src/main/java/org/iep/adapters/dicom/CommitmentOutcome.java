package org.iep.adapters.dicom;

import java.util.List;

/**
 * What a node said about the instances it was asked to commit.
 *
 * @param asked     instances asked about
 * @param committed how many the node committed
 * @param failed    the SOP Instance UIDs it did not commit, each with its Failure Reason ("uid=0x0112")
 */
public record CommitmentOutcome(int asked, int committed, List<String> failed) {
    /** At most this many failed UIDs go into an audit record or a message. */
    static final int LISTED = 20;

    public CommitmentOutcome {
        failed = List.copyOf(failed);
    }

    public boolean allCommitted() {
        return failed.isEmpty() && committed == asked;
    }

    /** The first {@value #LISTED} failures, for audit records and messages. */
    String failedListed() {
        List<String> first = failed.stream().limit(LISTED).toList();
        return "[" + String.join(", ", first) + (failed.size() > LISTED ? ", ..." : "") + "]";
    }
}
