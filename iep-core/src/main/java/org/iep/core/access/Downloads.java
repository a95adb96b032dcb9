package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.packaging.PackagePreparation;
import org.iep.core.packaging.PackageResult;
import org.iep.core.transaction.StatusTable;
import org.iep.core.transaction.TransactionListener;
import org.iep.core.validation.Problems;

/**
 * Records that an individual downloaded their package: the first download moves the transaction ON_IEP → COMPLETE
 * (one atomic, checked commit); every download is audited with the SHA-256 of the package served, so what left
 * IEP can be proven later. A package streamed before its SHA-256 was known is audited with its fingerprint (which
 * binds its bytes) and its hashing is queued first, durably, so its SHA-256 follows in a {@code package.hash}
 * record ({@link PackagePreparation#hashLater}). Thread-safe.
 */
public final class Downloads {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_RACES = 100;
    private final TransactionStore transactions;
    private final IndividualAccess access;
    private final List<TransactionListener> listeners;
    private final Auditor auditor;
    private final PackagePreparation packages;
    private final Clock clock;

    @Inject
    public Downloads(TransactionStore transactions, IndividualAccess access, List<TransactionListener> listeners,
                     Auditor auditor, PackagePreparation packages, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.access = Objects.requireNonNull(access, "access");
        this.listeners = List.copyOf(listeners);
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.packages = Objects.requireNonNull(packages, "packages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a completed download of the package whose SHA-256 (lower-case hex) is {@code sha256}. */
    public Transaction recordDownload(IndividualPrincipal principal, String sha256, ClientInfo client) {
        Objects.requireNonNull(principal, "principal");
        new Problems().check(sha256 != null && SHA256.matcher(sha256).matches(), "sha256",
                "must be the package's SHA-256 as 64 lower-case hex digits").throwIfAny();
        return record(principal, "sha256=" + sha256, client);
    }

    /**
     * Records a completed download of the whole package {@code streamed}; when it was streamed without its SHA-256,
     * queues its hashing first and audits its fingerprint.
     */
    public Transaction recordDownload(IndividualPrincipal principal, PackageResult streamed, ClientInfo client) {
        Objects.requireNonNull(principal, "principal");
        new Problems().check(SHA256.matcher(streamed.fingerprint()).matches(), "fingerprint",
                "must be the package's fingerprint as 64 lower-case hex digits").throwIfAny();
        if (streamed.sha256().isPresent()) {
            return recordDownload(principal, streamed.sha256().get(), client);
        }
        packages.hashLater(principal.transaction(), streamed); // record() checks the access again
        return record(principal, "package=" + streamed.fingerprint() + " sha256=pending (package.hash)", client);
    }

    private Transaction record(IndividualPrincipal principal, String detail, ClientInfo client) {
        for (int race = 0; race < MAX_RACES; race++) {
            Transaction before = access.recheck(principal, Action.DOWNLOAD, client).transaction();
            Transaction stored = before;
            if (before.status() == TransactionStatus.ON_IEP) {
                StatusTable.check(before, TransactionStatus.COMPLETE);
                try {
                    stored = transactions.commit(TransactionChanges.update(before.toBuilder()
                            .status(TransactionStatus.COMPLETE).updated(clock.instant()).build())).get(0);
                } catch (ConflictException e) {
                    if (e.errorCode() == CoreErrorCode.CONCURRENT_MODIFICATION) {
                        continue;
                    }
                    throw e;
                }
            }
            auditor.record(principal.party(), "package.download", stored, Outcome.SUCCESS, client, detail);
            if (stored != before) {
                Transaction committed = stored;
                listeners.forEach(l -> l.statusChanged(before, committed));
            }
            return stored;
        }
        throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                "The transaction kept changing while the download was recorded; record it again.");
    }
}
