package org.iep.core.report;

import java.util.List;
import org.iep.api.report.StoredReport;
import org.iep.api.transaction.TransactionId;

/**
 * The outcome of receiving a report: it is durably stored when this is returned.
 *
 * @param duplicate  the message key had been received before; nothing new was stored
 * @param attachedTo transactions the report was newly attached to by this call (empty: pending until its study
 *                   arrives, or already attached everywhere)
 */
public record ReportReceipt(StoredReport report, boolean duplicate, List<TransactionId> attachedTo) {
    public ReportReceipt {
        attachedTo = List.copyOf(attachedTo);
    }
}
