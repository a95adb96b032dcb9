package org.iep.adapters.jdbc;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods (typically a static {@code @BeforeAll}) the {@link PostgresCluster} shared by the whole test
 * run: started on first use, stopped and deleted when the run ends. Without PostgreSQL binaries the tests are
 * skipped with a message, except on CI ({@code CI=true}), where they fail. Stateless; thread-safe.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PostgresExtension.class);

    /** Skips (or on CI fails) the class when PostgreSQL is missing; otherwise starts the shared cluster. */
    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The run's shared cluster, started on first use. */
    static PostgresCluster cluster(ExtensionContext context) {
        // JUnit closes AutoCloseable values of the root store when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("cluster", k -> startCluster(),
                PostgresCluster.class);
    }

    private static PostgresCluster startCluster() {
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty()) {
            String message = "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or"
                    + " -Diep.postgres.bin; install the Debian package 'postgresql' (.ci/run does) to run the"
                    + " PostgreSQL tests";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true, so this is a failure)");
            }
            Assumptions.abort(message);
        }
        try {
            return PostgresCluster.start(bin.get());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the throwaway PostgreSQL cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
