package org.iep.core.audit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.AuditLog;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;

/**
 * Writes the audit record of every action, with the time from the injected clock. The one place where core
 * services turn actions into {@link AuditEvent}s, so every record has the same shape. Thread-safe.
 */
public final class Auditor {
    private final AuditLog log;
    private final Clock clock;

    public Auditor(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An action on a transaction: patient ID and accession numbers are taken from it. */
    public AuditRecord record(Party actor, String action, Transaction t, Outcome outcome, ClientInfo client,
                              String detail) {
        List<String> accessions = t.studies().stream().map(StudyEntry::accessionNumber)
                .filter(a -> !a.isEmpty()).distinct().toList();
        return log.append(new AuditEvent(clock.instant(), actor.auditId(), institutionOf(actor), action,
                t.id().value(), t.patient().identifier().id(), accessions, outcome, client.remoteAddress(), detail));
    }

    /** An action not tied to a transaction (registration, directory change, login failure on an unknown link). */
    public AuditRecord record(Party actor, String action, Outcome outcome, ClientInfo client, String detail) {
        return log.append(new AuditEvent(clock.instant(), actor.auditId(), institutionOf(actor), action, "", "",
                List.of(), outcome, client.remoteAddress(), detail));
    }

    private static String institutionOf(Party actor) {
        return actor instanceof Party.Staff s ? s.institution().value() : "";
    }
}
