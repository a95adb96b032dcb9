package org.iep.adapters.smtp;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.util.Objects;
import org.iep.api.spi.MailSender;

/** Binds {@link MailSender} to {@link SmtpMailSender} with the given configuration. Needs a {@code Clock} binding. */
public final class SmtpModule extends AbstractModule {
    private final SmtpConfig config;

    public SmtpModule(SmtpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(SmtpConfig.class).toInstance(config);
        bind(MailSender.class).to(SmtpMailSender.class).in(Singleton.class);
    }
}
