package org.iep.adapters.jdbc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobState;
import org.iep.api.transaction.Priority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs (this one and a child process), each with its own pool and four workers, drain one PostgreSQL queue of
 * 10,000 jobs: every job is completed exactly once, by one of them, with one lease.
 */
@ExtendWith(PostgresExtension.class)
class PostgresTwoJvmJobQueueTest {
    private static final int JOBS = 10_000;
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
    void twoJvmsCompleteEachOfTenThousandJobsExactlyOnce(@TempDir Path tmp) throws Exception {
        enqueue(new JdbcJobQueue(db.dataSource()));
        Path childOutput = tmp.resolve("child-done.txt");
        Path childLog = tmp.resolve("child.log");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobWorkerMain.class.getName(), db.config().url(),
                db.config().user(), "4", childOutput.toString())
                .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        List<String> mine;
        try (JdbcDatabase second = db.open()) {
            mine = JobWorkerMain.work(new JdbcJobQueue(second.dataSource()), 4);
        } finally {
            if (!child.waitFor(10, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as(Files.readString(childLog)).isZero();
        List<String> theirs = Files.readAllLines(childOutput, StandardCharsets.UTF_8);

        List<String> all = new ArrayList<>(mine);
        all.addAll(theirs);
        assertThat(all).hasSize(JOBS);
        assertThat(new HashSet<>(all)).hasSize(JOBS);
        assertThat(mine).as("this JVM took part").isNotEmpty();
        assertThat(theirs).as("the child JVM took part").isNotEmpty();
        JdbcJobQueue queue = new JdbcJobQueue(db.dataSource());
        for (int i = 0; i < JOBS; i++) {
            Job j = queue.find(new JobId("j-" + i)).orElseThrow();
            assertThat(j.state()).isEqualTo(JobState.DONE);
            assertThat(j.attempts()).isEqualTo(1);
        }
    }

    private static void enqueue(JdbcJobQueue queue) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> added = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                added.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = first; i < JOBS; i += 4) {
                        n += queue.enqueue(Job.of(new JobId("j-" + i), "delivery", Priority.values()[i % 3],
                                JobWorkerMain.NOW.minusSeconds(i % 17), "{}")) ? 1 : 0;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : added) {
                int n = f.get(5, TimeUnit.MINUTES);
                total += n;
            }
            assertThat(total).isEqualTo(JOBS);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }
}
