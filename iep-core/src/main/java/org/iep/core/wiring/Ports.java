package org.iep.core.wiring;

import java.util.ArrayList;
import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.PseudonymStore;
import org.iep.api.spi.ReportStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.SmsSender;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UnitOfWork;
import org.iep.api.spi.UserStore;

/**
 * The adapters the core runs on: one implementation of every port. There is no default for any of them — a
 * deployment that forgets one fails at start with the list of what is missing, instead of quietly running on
 * something in memory (STYLE.md #8).
 */
public record Ports(
        TransactionStore transactions,
        DirectoryStore directory,
        UserStore users,
        NodeStore nodes,
        AccessStore access,
        SessionStore sessions,
        AuditLog audit,
        BlobStore blobs,
        JobQueue jobs,
        MailSender mail,
        SmsSender sms,
        KeyProvider keys,
        InstanceIndex instances,
        ReportStore reports,
        PseudonymStore pseudonyms,
        UnitOfWork units) {

    public Ports {
        List<Problem> missing = new ArrayList<>();
        require(missing, transactions, "TransactionStore");
        require(missing, directory, "DirectoryStore");
        require(missing, users, "UserStore");
        require(missing, nodes, "NodeStore");
        require(missing, access, "AccessStore");
        require(missing, sessions, "SessionStore");
        require(missing, audit, "AuditLog");
        require(missing, blobs, "BlobStore");
        require(missing, jobs, "JobQueue");
        require(missing, mail, "MailSender");
        require(missing, sms, "SmsSender");
        require(missing, keys, "KeyProvider");
        require(missing, instances, "InstanceIndex");
        require(missing, reports, "ReportStore");
        require(missing, pseudonyms, "PseudonymStore");
        require(missing, units, "UnitOfWork");
        if (!missing.isEmpty()) {
            throw new MissingAdapterException(missing);
        }
    }

    /**
     * Adapters that share no database transactions ({@link UnitOfWork#NONE}): every port call commits on its own,
     * which is right for in-memory adapters and for stores on different systems.
     */
    public Ports(TransactionStore transactions, DirectoryStore directory, UserStore users, NodeStore nodes,
                 AccessStore access, SessionStore sessions, AuditLog audit, BlobStore blobs, JobQueue jobs,
                 MailSender mail, SmsSender sms, KeyProvider keys, InstanceIndex instances, ReportStore reports,
                 PseudonymStore pseudonyms) {
        this(transactions, directory, users, nodes, access, sessions, audit, blobs, jobs, mail, sms, keys, instances,
                reports, pseudonyms, UnitOfWork.NONE);
    }

    private static void require(List<Problem> missing, Object port, String name) {
        if (port == null) {
            missing.add(new Problem(name, "no adapter is configured; add one (see README, 'Embedding')"));
        }
    }

    /** Start-up refused: some ports have no adapter. */
    public static final class MissingAdapterException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        MissingAdapterException(List<Problem> missing) {
            super(CoreErrorCode.CONFIGURATION, missing);
        }
    }
}
