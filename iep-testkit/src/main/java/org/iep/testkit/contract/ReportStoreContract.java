package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iep.api.report.RejectedMessage;
import org.iep.api.report.ReportId;
import org.iep.api.report.StoredReport;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ReportStore;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ReportStore} contract: insert-if-absent on the message key (one winner under concurrency), lookups by
 * key, ID and order (accession + patient), expiry listing and deletion, rejected messages kept byte for byte.
 */
public abstract class ReportStoreContract {
    protected static final Instant AT = Fixtures.NOW;

    protected ReportStore store;

    /** A new, empty store. */
    protected abstract ReportStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    protected static StoredReport report(String id, String key, String accession, String patient, Instant received) {
        return new StoredReport(new ReportId(id), key, accession, patient, "HOSP", "report.pdf", "application/pdf",
                1234, "cd".repeat(32), BlobKey.of("reports", id), received, received.plus(Duration.ofDays(30)));
    }

    @Test
    void insertsOnceByMessageKeyAndReturnsTheStoredRecord() {
        StoredReport first = report("r1", "RIS|HOSP|0001", "ACC1", "P1", AT);
        StoredReport second = report("r2", "RIS|HOSP|0001", "ACC2", "P2", AT.plusSeconds(1));

        assertThat(store.insertIfAbsent(first)).isEqualTo(first);
        assertThat(store.insertIfAbsent(second)).as("the first report wins").isEqualTo(first);
        assertThat(store.findByMessageKey("RIS|HOSP|0001")).contains(first);
        assertThat(store.find(new ReportId("r1"))).contains(first);
        assertThat(store.find(new ReportId("r2"))).isEmpty();
    }

    @Test
    void findsReportsByAccessionAndPatientTogether() {
        StoredReport a = report("r1", "k1", "ACC1", "P1", AT);
        StoredReport b = report("r2", "k2", "ACC1", "P1", AT.plusSeconds(5));
        StoredReport otherPatient = report("r3", "k3", "ACC1", "P2", AT);
        StoredReport otherAccession = report("r4", "k4", "ACC2", "P1", AT);
        for (StoredReport r : List.of(b, a, otherPatient, otherAccession)) {
            store.insertIfAbsent(r);
        }

        assertThat(store.byOrder("ACC1", "P1")).containsExactly(a, b);
        assertThat(store.byOrder("ACC1", "P9")).isEmpty();
    }

    @Test
    void listsExpiredReportsAndDeletesThem() {
        StoredReport old = report("r1", "k1", "ACC1", "P1", AT);
        StoredReport young = report("r2", "k2", "ACC1", "P1", AT.plus(Duration.ofDays(10)));
        store.insertIfAbsent(old);
        store.insertIfAbsent(young);

        Instant now = old.keepUntil();
        assertThat(store.expired(now, 10)).containsExactly(old);
        assertThat(store.delete(old.id())).isTrue();
        assertThat(store.delete(old.id())).as("idempotent").isFalse();
        assertThat(store.expired(now, 10)).isEmpty();
        assertThat(store.findByMessageKey("k1")).isEmpty();
        assertThat(store.byOrder("ACC1", "P1")).containsExactly(young);
    }

    @Test
    void theExpiryListingHonoursItsLimit() {
        for (int i = 0; i < 5; i++) {
            store.insertIfAbsent(report("r" + i, "k" + i, "ACC", "P", AT.plusSeconds(i)));
        }
        assertThat(store.expired(AT.plus(Duration.ofDays(31)), 3)).extracting(r -> r.id().value())
                .containsExactly("r0", "r1", "r2");
    }

    @Test
    void ofRacingInsertsWithOneKeyExactlyOneIsStored() {
        List<StoredReport> returned = Concurrently.run(8,
                i -> store.insertIfAbsent(report("race" + i, "same-key", "ACC", "P", AT)));
        Set<StoredReport> winners = new HashSet<>(returned);
        assertThat(winners).as("every caller gets the one stored report").hasSize(1);
        assertThat(store.findByMessageKey("same-key")).contains(winners.iterator().next());
    }

    @Test
    void keepsRejectedMessagesByteForByteAndPurgesOldOnes() {
        String raw = "MSH|^~\\&|RIS|HOSP\r\u00e9\u00ff\u0001garbage";
        RejectedMessage old = new RejectedMessage("m1", "hl7:127.0.0.1", AT, "parse error", raw);
        RejectedMessage young = new RejectedMessage("m2", "hl7:127.0.0.1", AT.plusSeconds(60), "unknown type", "x");
        store.reject(young);
        store.reject(old);

        assertThat(store.rejected(10)).containsExactly(old, young);
        assertThat(store.rejected(1)).containsExactly(old);
        assertThat(store.purgeRejected(AT.plusSeconds(1))).isEqualTo(1);
        assertThat(store.rejected(10)).containsExactly(young);
    }
}
