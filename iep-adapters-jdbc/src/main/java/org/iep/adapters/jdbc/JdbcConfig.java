package org.iep.adapters.jdbc;

import org.iep.api.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iep.api.Problem;

/**
 * Where the database is and how many connections to hold. Validated on construction: every problem is reported at
 * once. The password is a {@link Secret}, so {@code toString()} is safe to log. Immutable; thread-safe.
 *
 * @param url               {@code jdbc:postgresql://host:5432/iep} or an H2 URL, e.g.
 *                          {@code jdbc:h2:file:/var/lib/iep/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}
 * @param user              the database role (empty for H2 without authentication)
 * @param password          that role's password
 * @param poolSize          the most connections HikariCP keeps open, 1–200
 * @param connectionTimeout how long a caller waits for a connection before a retryable failure, 250 ms – 10 min
 * @param migrate           whether {@link JdbcDatabase#start} runs the Flyway migrations; false when a separate,
 *                          more privileged role migrates (see README, "Restricted role")
 */
public record JdbcConfig(String url, String user, Secret password, int poolSize, Duration connectionTimeout,
                         boolean migrate) {

    public JdbcConfig {
        List<Problem> problems = new ArrayList<>();
        if (url == null || !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            problems.add(new Problem("iep.jdbc.url", "must start with jdbc:postgresql: or jdbc:h2:"));
        }
        if (user == null) {
            problems.add(new Problem("iep.jdbc.user", "is required (may be empty for H2)"));
        }
        if (password == null) {
            problems.add(new Problem("iep.jdbc.password", "is required (may be empty for H2)"));
        }
        if (poolSize < 1 || poolSize > 200) {
            problems.add(new Problem("iep.jdbc.poolSize", "must be between 1 and 200, was " + poolSize));
        }
        if (connectionTimeout == null || connectionTimeout.toMillis() < 250
                || connectionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            problems.add(new Problem("iep.jdbc.connectionTimeout", "must be between 250 ms and 10 minutes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidJdbcConfigurationException(problems);
        }
    }

    /**
     * Reads the {@code iep.jdbc.*} keys (README, "Configuration"): {@code url}, {@code user}, {@code password},
     * {@code poolSize} (default 10), {@code connectionTimeout} (ISO-8601 such as {@code PT30S}, default 30 s) and
     * {@code migrate} ({@code true}/{@code false}, default true). Unparseable values and invalid ones are reported
     * together in one {@link InvalidJdbcConfigurationException}.
     */
    public static JdbcConfig from(Map<String, String> settings) {
        List<Problem> problems = new ArrayList<>();
        int poolSize = 10;
        Duration timeout = Duration.ofSeconds(30);
        boolean migrate = true;
        String size = settings.get("iep.jdbc.poolSize");
        if (size != null) {
            try {
                poolSize = Integer.parseInt(size.trim());
            } catch (NumberFormatException e) {
                problems.add(new Problem("iep.jdbc.poolSize", "must be a whole number, was '" + size + "'"));
            }
        }
        String wait = settings.get("iep.jdbc.connectionTimeout");
        if (wait != null) {
            try {
                timeout = Duration.parse(wait.trim());
            } catch (DateTimeParseException e) {
                problems.add(new Problem("iep.jdbc.connectionTimeout", "must be an ISO-8601 duration such as PT30S,"
                        + " was '" + wait + "'"));
            }
        }
        String run = settings.getOrDefault("iep.jdbc.migrate", "true").trim();
        if (run.equals("true") || run.equals("false")) {
            migrate = Boolean.parseBoolean(run);
        } else {
            problems.add(new Problem("iep.jdbc.migrate", "must be true or false, was '" + run + "'"));
        }
        String password = settings.get("iep.jdbc.password");
        try {
            JdbcConfig config = new JdbcConfig(settings.get("iep.jdbc.url"), settings.get("iep.jdbc.user"),
                    password == null ? null : Secret.of(password), poolSize, timeout, migrate);
            if (problems.isEmpty()) {
                return config;
            }
        } catch (InvalidJdbcConfigurationException e) {
            problems.addAll(0, e.problems());
        }
        throw new InvalidJdbcConfigurationException(problems);
    }

    /** A pool of 10 with a 30-second connection timeout that migrates at start. */
    public static JdbcConfig of(String url, String user, Secret password) {
        return new JdbcConfig(url, user, password, 10, Duration.ofSeconds(30), true);
    }

    public JdbcConfig withPoolSize(int size) {
        return new JdbcConfig(url, user, password, size, connectionTimeout, migrate);
    }

    public JdbcConfig withConnectionTimeout(Duration timeout) {
        return new JdbcConfig(url, user, password, poolSize, timeout, migrate);
    }

    public JdbcConfig withMigrate(boolean run) {
        return new JdbcConfig(url, user, password, poolSize, connectionTimeout, run);
    }

    boolean isH2() {
        return Objects.requireNonNull(url).startsWith("jdbc:h2:");
    }
}
