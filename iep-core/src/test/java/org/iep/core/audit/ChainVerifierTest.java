package org.iep.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.AuditLog;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @BeforeEach
    void fill() {
        for (int i = 0; i < 23; i++) {
            log.append(new AuditEvent(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i), "user:u" + i % 3, "i1",
                    "transaction.view", "t" + i, "P" + i, List.of("A" + i), Outcome.SUCCESS, "192.0.2.1", "ok"));
        }
    }

    @Test
    void anIntactChainVerifiesAcrossPages() {
        assertThat(new ChainVerifier(log, 5).verify()).isEqualTo(new ChainCheck.Valid(23));
        assertThat(new ChainVerifier(log, 23).verify()).isEqualTo(new ChainCheck.Valid(23));
        assertThat(new ChainVerifier(log).verify()).isEqualTo(new ChainCheck.Valid(23));
        assertThat(new ChainVerifier(new InMemoryAuditLog()).verify()).isEqualTo(new ChainCheck.Valid(0));
    }

    @Test
    void anAlteredRecordIsFound() {
        AuditLog tampered = new Tampered(log, records -> {
            AuditRecord r = records.get(6);
            AuditEvent e = r.event();
            records.set(6, new AuditRecord(r.sequence(), new AuditEvent(e.at(), e.actor(), e.institution(),
                    e.action(), e.transaction(), "SOMEONE-ELSE", e.accessionNumbers(), e.outcome(),
                    e.remoteAddress(), e.detail()), r.previousHash(), r.hash()));
            return records;
        });
        ChainCheck check = new ChainVerifier(tampered, 5).verify();
        assertThat(check).isInstanceOfSatisfying(ChainCheck.Broken.class, b -> {
            assertThat(b.sequence()).isEqualTo(7);
            assertThat(b.reason()).contains("altered");
        });
    }

    @Test
    void aRecordRehashedByTheTampererBreaksTheLinkOfTheNext() {
        AuditLog tampered = new Tampered(log, records -> {
            AuditRecord r = records.get(9);
            AuditEvent e = r.event();
            AuditEvent forged = new AuditEvent(e.at(), e.actor(), e.institution(), e.action(), e.transaction(),
                    e.patientId(), e.accessionNumbers(), Outcome.DENIED, e.remoteAddress(), e.detail());
            records.set(9, new AuditRecord(r.sequence(), forged, r.previousHash(),
                    AuditChain.hash(r.previousHash(), r.sequence(), forged)));
            return records;
        });
        assertThat(new ChainVerifier(tampered, 4).verify()).isInstanceOfSatisfying(ChainCheck.Broken.class, b -> {
            assertThat(b.sequence()).isEqualTo(11);
            assertThat(b.reason()).contains("previous hash");
        });
    }

    @Test
    void aDeletedRecordIsFound() {
        AuditLog tampered = new Tampered(log, records -> {
            records.remove(3);
            return records;
        });
        assertThat(new ChainVerifier(tampered, 5).verify()).isInstanceOfSatisfying(ChainCheck.Broken.class, b -> {
            assertThat(b.sequence()).isEqualTo(4);
            assertThat(b.reason()).contains("sequence");
        });
    }

    /** Serves a doctored copy of the real log's records, as an attacker with database access could. */
    private static final class Tampered implements AuditLog {
        private final List<AuditRecord> records;

        Tampered(InMemoryAuditLog real, UnaryOperator<List<AuditRecord>> doctor) {
            this.records = doctor.apply(new ArrayList<>(real.all()));
        }

        @Override
        public AuditRecord append(AuditEvent event) {
            throw new UnsupportedOperationException("read-only copy");
        }

        @Override
        public List<AuditRecord> query(AuditQuery query) {
            return records.stream().filter(r -> query.matches(r.event())).limit(query.limit()).toList();
        }

        @Override
        public List<AuditRecord> range(long fromSequence, int limit) {
            return records.stream().filter(r -> r.sequence() >= fromSequence).limit(limit).toList();
        }
    }
}
