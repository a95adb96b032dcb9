package org.iep.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static AuditEvent event(String detail, List<String> accessions) {
        return new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "user:u1", "i1", "transaction.create", "t1",
                "P1", accessions, Outcome.SUCCESS, "127.0.0.1", detail);
    }

    @Test
    void chainsFromGenesisAndDependsOnEveryField() {
        AuditRecord first = AuditChain.next(null, event("a", List.of("A1")));
        AuditRecord second = AuditChain.next(first, event("a", List.of("A1")));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash());
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, event("b", List.of("A1")))).isNotEqualTo(first.hash());
    }

    @Test
    void lengthPrefixingKeepsFieldBoundaries() {
        // "A1","B" and "A1B" must not collide, nor a value moved between detail and accessions
        String split = AuditChain.hash(AuditChain.GENESIS, 1, event("x", List.of("A1", "B")));
        String joined = AuditChain.hash(AuditChain.GENESIS, 1, event("x", List.of("A1B")));
        assertThat(split).isNotEqualTo(joined);
    }
}
