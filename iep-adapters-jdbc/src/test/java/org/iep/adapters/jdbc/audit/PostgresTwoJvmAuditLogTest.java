package org.iep.adapters.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs (this one and a child process), each with its own pool and four threads, append to one audit trail at
 * the same time: the chain verifies from genesis without gaps and holds every event of both exactly once.
 */
@ExtendWith(PostgresExtension.class)
class PostgresTwoJvmAuditLogTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 250;
    private static TestDatabase db;

    @BeforeAll
    static void startDatabase(PostgresCluster cluster) {
        db = TestDatabase.postgres(cluster);
    }

    @AfterAll
    static void stopDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void appendsFromTwoJvmsFormOneValidChain(@TempDir Path tmp) throws Exception {
        Path childLog = tmp.resolve("child.log");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditWriterMain.class.getName(), db.config().url(),
                db.config().user(), Integer.toString(THREADS), Integer.toString(PER_THREAD), "child", "parent")
                .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        try (JdbcDatabase second = db.open()) {
            JdbcAuditLog mine = new JdbcAuditLog(second.dataSource());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (mine.range(1, 1).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20); // start once the child is appending, so that the two really overlap
            }
            AuditWriterMain.write(mine, THREADS, PER_THREAD, "parent", Optional.empty());
        } finally {
            if (!child.waitFor(10, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as(Files.readString(childLog)).isZero();

        List<AuditRecord> chain = new JdbcAuditLog(db.dataSource()).range(1, 100_000);
        int expected = 2 * THREADS * PER_THREAD;
        assertThat(chain).hasSize(expected);
        String previous = AuditChain.GENESIS;
        Set<String> details = new HashSet<>();
        Set<String> writers = new HashSet<>();
        int switches = 0;
        for (int i = 0; i < chain.size(); i++) {
            AuditRecord r = chain.get(i);
            assertThat(r.sequence()).isEqualTo(i + 1L);
            assertThat(r.previousHash()).isEqualTo(previous);
            assertThat(r.hash()).isEqualTo(AuditChain.hash(previous, r.sequence(), r.event()));
            previous = r.hash();
            details.add(r.event().detail());
            switches += i > 0 && !r.event().actor().equals(chain.get(i - 1).event().actor()) ? 1 : 0;
            writers.add(r.event().actor());
        }
        assertThat(details).hasSize(expected);
        assertThat(writers).containsExactlyInAnyOrder("system:parent", "system:child");
        assertThat(switches).as("the two JVMs' appends interleave in the chain").isGreaterThan(1);
    }
}
