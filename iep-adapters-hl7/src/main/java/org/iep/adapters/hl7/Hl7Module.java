package org.iep.adapters.hl7;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.iep.core.report.Reports;

/**
 * Binds {@link Hl7Listener} (not started: the application calls {@code start()} and {@code close()}). Needs a
 * {@link Reports} binding from the core's wiring. No I/O here.
 */
public final class Hl7Module extends AbstractModule {
    private final Hl7Config config;
    private final Optional<SSLContext> tls;

    public Hl7Module(Hl7Config config, Optional<SSLContext> tls) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    @Override
    protected void configure() {
        bind(Hl7Config.class).toInstance(config);
    }

    @Provides
    @Singleton
    Hl7Listener listener(Reports reports) {
        return new Hl7Listener(config, tls, reports);
    }
}
