package org.iep.adapters.dicom;

import java.util.EnumSet;
import java.util.Set;
import org.iep.api.IepException;
import org.iep.api.audit.Outcome;
import org.iep.api.content.StudyTotals;
import org.iep.api.directory.Node;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.TransferOutcome;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.StudyProgress;
import org.iep.core.transaction.Transactions;

/**
 * The first half of a transfer's delivery: each study not yet complete is retrieved from the sender's source node
 * into the transaction (C-MOVE to our SCP, or C-GET for nodes configured so), its progress recorded as
 * {@code received/expected} from what the peer reported; when every study is complete the transaction is On IEP.
 * A study that came back with failures throws a retryable error, so the lanes back off and try it again; studies
 * already complete are not fetched twice.
 */
final class SourceRetrieval {
    /** The statuses in which a transfer's images are still to be fetched. */
    static final Set<TransactionStatus> TO_FETCH = EnumSet.of(TransactionStatus.NEW, TransactionStatus.STARTED,
            TransactionStatus.UPLOADING);
    private static final ClientInfo LOCAL = ClientInfo.INTERNAL;

    private final DimseDicomGateway gateway;
    private final InstanceIndex index;
    private final Transactions transactions;
    private final Auditor auditor;

    SourceRetrieval(DimseDicomGateway gateway, InstanceIndex index, Transactions transactions, Auditor auditor) {
        this.gateway = gateway;
        this.index = index;
        this.transactions = transactions;
        this.auditor = auditor;
    }

    Transaction retrieve(Transaction t, Node source) {
        Transaction current = t;
        if (current.status() == TransactionStatus.NEW) {
            current = transactions.advance(t.id(), TransactionStatus.STARTED, "retrieving from "
                    + source.aeTitle(), PeerCheck.LISTENER, LOCAL);
        }
        for (StudyEntry study : t.studies()) {
            if (study.status() == StudyStatus.COMPLETE) {
                continue;
            }
            TransferOutcome o;
            try {
                o = gateway.retrieveInto(t.id(), source, study.studyInstanceUid());
            } catch (IepException e) {
                auditor.record(PeerCheck.LISTENER, "dicom.retrieve", current, Outcome.FAILURE, LOCAL, "study="
                        + study.studyInstanceUid() + " node=" + source.aeTitle() + " error=" + e.errorCode().code());
                throw e;
            }
            int arrived = o.completed() + o.warning();
            auditor.record(PeerCheck.LISTENER, "dicom.retrieve", current, o.succeeded() ? Outcome.SUCCESS
                    : Outcome.FAILURE, LOCAL, "study=" + study.studyInstanceUid() + " node=" + source.aeTitle()
                    + " completed=" + o.completed() + " warning=" + o.warning() + " failed=" + o.failed());
            StudyTotals now = index.totals(t.id(), study.studyInstanceUid());
            if (o.failed() > 0 || arrived == 0) {
                int expected = Math.max(arrived + o.failed(), now.instances());
                transactions.updateStudy(t.id(), new StudyProgress(study.studyInstanceUid(), StudyStatus.RECEIVING,
                        expected, now.instances(), now.bytes()), PeerCheck.LISTENER, LOCAL);
                throw new DicomGatewayException(DicomAdapterErrorCode.OPERATION_FAILED, arrived == 0
                        ? "node " + source.aeTitle() + " sent no instance of study " + study.studyInstanceUid()
                        : o.failed() + " instances of study " + study.studyInstanceUid() + " failed at "
                        + source.aeTitle(), true, null);
            }
            // what the peer reported is what was expected; the index says what arrived (a retry may add none)
            current = transactions.updateStudy(t.id(), new StudyProgress(study.studyInstanceUid(),
                    StudyStatus.COMPLETE, Math.max(arrived, now.instances()), now.instances(), now.bytes()),
                    PeerCheck.LISTENER, LOCAL);
        }
        return transactions.advance(t.id(), TransactionStatus.ON_IEP, "", PeerCheck.LISTENER, LOCAL);
    }
}
