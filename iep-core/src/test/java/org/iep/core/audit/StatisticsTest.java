package org.iep.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.testsupport.World;
import org.iep.core.transaction.StudyProgress;
import org.junit.jupiter.api.Test;

/**
 * Ten STEE → LEIC transfers created on Monday 2 March 09:00Z, transfer i (1..10) delivered i hours later with
 * i × 1000 bytes; 1–3 are Blue Light. Plus one request (not delivered), one LEIC → STEE transfer on Tuesday,
 * and one transfer outside the range.
 */
class StatisticsTest {
    private final World w = new World();
    private final Statistics statistics = new Statistics(w.store, w.audit, w.directoryStore, w.access, w.auditor);
    private final Party system = new Party.System("delivery");
    private final Instant from = Instant.parse("2026-03-02T00:00:00Z");
    private final Instant to = Instant.parse("2026-03-04T00:00:00Z");

    private void dataSet() {
        List<Transaction> created = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Transaction t = w.transfer(i <= 3 ? Priority.BLUE_LIGHT : Priority.NORMAL);
            w.transactions.updateStudy(t.id(), new StudyProgress(World.UID1, StudyStatus.COMPLETE, i, i, i * 1000L),
                    system, CLIENT);
            created.add(t);
        }
        w.request();
        for (int i = 10; i >= 1; i--) { // delivered out of creation order on purpose
            w.clock.set(World.START.plus(Duration.ofHours(i)));
            Transaction t = created.get(i - 1);
            for (TransactionStatus s : new TransactionStatus[] {TransactionStatus.ON_IEP,
                    TransactionStatus.DOWNLOAD_REQUEST, TransactionStatus.DOWNLOADING, TransactionStatus.DELIVERED}) {
                w.transactions.advance(t.id(), s, "", system, CLIENT);
            }
        }
        // Purged later: turnaround still comes from the audit trail, not the last update.
        w.clock.set(World.START.plus(Duration.ofDays(1)));
        w.transactions.advance(created.get(0).id(), TransactionStatus.PURGED, "retention", system, CLIENT);
        w.transactions.createTransfer(w.transferCommand(w.leicStaff, w.leic, w.stee, Priority.BATCH), CLIENT);
        w.clock.set(to);
        w.transfer(Priority.NORMAL); // outside [from, to)
    }

    @Test
    void countsVolumesAndTurnaroundOfAKnownDataSet() {
        dataSet();
        StatisticsReport r = statistics.compute(w.steeAdmin, from, to, CLIENT);

        assertThat(r.rows()).containsExactly(
                new VolumeRow(w.stee.id(), TransactionType.TRANSFER, Priority.BLUE_LIGHT, LocalDate.of(2026, 3, 2), 3,
                        6_000),
                new VolumeRow(w.stee.id(), TransactionType.TRANSFER, Priority.NORMAL, LocalDate.of(2026, 3, 2), 7,
                        49_000),
                new VolumeRow(w.stee.id(), TransactionType.REQUEST, Priority.NORMAL, LocalDate.of(2026, 3, 2), 1, 0),
                new VolumeRow(w.leic.id(), TransactionType.TRANSFER, Priority.BATCH, LocalDate.of(2026, 3, 3), 1, 0));
        assertThat(r.totalCount()).isEqualTo(12);
        assertThat(r.totalBytes()).isEqualTo(55_000);
        assertThat(r.turnarounds()).isEqualTo(10);
        assertThat(r.p50()).contains(Duration.ofHours(5));
        assertThat(r.p90()).contains(Duration.ofHours(9));
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event().action()).isEqualTo("audit.statistics");
    }

    @Test
    void anInstitutionSeesOnlyTransactionsItIsInvolvedIn() {
        dataSet();
        var nott = w.directory.createInstitution(World.institution("NOTT", "Nottingham", "a@nott.nhs.uk"), CLIENT);
        StatisticsReport r = statistics.compute(nott.administrator().id(), from, to, CLIENT);
        assertThat(r.rows()).isEmpty();
        assertThat(r.p50()).isEmpty();
        // LEIC received the ten transfers and the request, and sent one.
        assertThat(statistics.compute(w.leicAdmin, from, to, CLIENT).totalCount()).isEqualTo(12);
    }

    @Test
    void onlyAdministratorsAndAuditorsSeeStatistics() {
        assertThat(statistics.compute(w.steeAuditor, from, to, CLIENT).rows()).isEmpty();
        assertThatThrownBy(() -> statistics.compute(w.steeStaff, from, to, CLIENT)).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ROLE_NOT_ALLOWED));
        assertThatThrownBy(() -> statistics.compute(w.steeAdmin, to, from, CLIENT))
                .isInstanceOf(org.iep.api.InvalidInputException.class);
    }

    @Test
    void percentilesUseTheNearestRank() {
        List<Duration> d = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            d.add(Duration.ofMinutes(i));
        }
        assertThat(Statistics.percentile(d, 50)).contains(Duration.ofMinutes(2));
        assertThat(Statistics.percentile(d, 90)).contains(Duration.ofMinutes(4));
        assertThat(Statistics.percentile(List.of(Duration.ofSeconds(7)), 50)).contains(Duration.ofSeconds(7));
        assertThat(Statistics.percentile(List.of(), 90)).isEqualTo(Optional.empty());
    }
}
