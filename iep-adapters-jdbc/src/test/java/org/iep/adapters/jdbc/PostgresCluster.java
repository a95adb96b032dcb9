package org.iep.adapters.jdbc;

import org.iep.api.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.iep.testkit.FreePorts;

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 and a free port: {@code initdb} in a temporary directory (as the
 * {@code postgres} user through {@code runuser} when the tests run as root), {@code pg_ctl start}, and at
 * {@link #close()} {@code pg_ctl -m fast stop} and deletion of the directory. Fsync is off: the cluster is for
 * tests only. Not thread-safe; the extension creates one per test run.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;
    private final Thread cleanup;

    private PostgresCluster(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
        this.cleanup = new Thread(this::stopQuietlyOnExit, "iep-postgres-cleanup");
    }

    /**
     * The directory of {@code initdb} and {@code pg_ctl}: the system property {@code iep.postgres.bin} when set (e.g.
     * a Homebrew or EDB install), otherwise the newest {@code /usr/lib/postgresql/<version>/bin} (Debian, Ubuntu).
     */
    public static Optional<Path> binaries() {
        String configured = System.getProperty("iep.postgres.bin", "");
        if (!configured.isEmpty()) {
            Path bin = Paths.get(configured);
            return Files.isExecutable(bin.resolve("initdb")) ? Optional.of(bin) : Optional.empty();
        }
        Path base = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(PostgresCluster::majorVersion));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + base, e);
        }
    }

    /** Off for tests (nothing here must survive a power cut); {@code -Diep.postgres.fsync=on} for benchmarks. */
    private static final String FSYNC = System.getProperty("iep.postgres.fsync", "off").equals("on") ? "on" : "off";

    static PostgresCluster start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("iep-pg-");
        PostgresCluster cluster = new PostgresCluster(bin, dir, FreePorts.next(), root);
        Runtime.getRuntime().addShutdownHook(cluster.cleanup);
        if (root) {
            cluster.run(List.of("chown", "postgres:", dir.toString()), false);
        }
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", cluster.data().toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"), true);
        cluster.start();
        return cluster;
    }

    /** Starts the (stopped) server; also used by fault tests after {@link #stop()}. */
    public void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("server.log")
                .toString(), "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                + " -c fsync=" + FSYNC + " -c max_connections=200", "start"), true);
    }

    /** Stops the server at once, disconnecting every client (fast shutdown). */
    public void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "60",
                "stop"), true);
    }

    /** Creates a new, empty database and returns a configuration for it (role postgres, no password). */
    public JdbcConfig createDatabase() {
        String name = "iep_test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return JdbcConfig.of(url(name), "postgres", Secret.of(""));
    }

    /** Runs one statement as the superuser in the {@code postgres} database. */
    public void execute(String statement) {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + statement + " on the test cluster", e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL in " + dir, e);
        } finally {
            deleteRecursively(dir);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void stopQuietlyOnExit() {
        try {
            stop();
            deleteRecursively(dir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("iep-postgres-cleanup: could not stop the test cluster in " + dir + ": " + e);
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("iep-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", full)
                        + "\n" + Files.readString(output) + serverLog());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
