package org.iep.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.iep.adapters.jdbc.JdbcModule;
import org.iep.adapters.jdbc.JdbcUnitOfWork;
import org.iep.adapters.notify.NotifyModule;
import org.iep.adapters.hl7.Hl7Module;
import org.iep.adapters.s3.S3Module;
import org.iep.adapters.smtp.SmtpModule;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.SmsSender;
import org.iep.api.spi.UnitOfWork;
import org.iep.app.config.AppConfig;
import org.iep.app.dev.DevMailbox;
import org.iep.core.access.AccessLinks;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.secret.FileKeyProvider;
import org.iep.core.wiring.IepCoreModule;

/**
 * The portal's wiring: the JDBC stores, the filesystem blob store and the master key file under the data
 * directory, SMTP and GOV.UK Notify when configured (the dev mailbox otherwise), and the core. Declares bindings only; nothing starts here.
 */
final class AppModule extends AbstractModule {
    private final AppConfig config;
    private final Optional<Clock> clock;

    /** @param clock replaces the system clock (tests, demonstrations of expiry); empty for the system clock */
    AppModule(AppConfig config, Optional<Clock> clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        install(new JdbcModule(config.jdbc()));
        install(new IepCoreModule());
        // an instance's index row, its study's counts and its audit record: one commit
        OptionalBinder.newOptionalBinder(binder(), UnitOfWork.class).setBinding().to(JdbcUnitOfWork.class);
        bind(AppConfig.class).toInstance(config);
        bind(AccessLinks.class).toInstance(new AccessLinks(config.publicUrl()));
        if (config.smtp().isPresent()) {
            install(new SmtpModule(config.smtp().get()));
        } else {
            bind(MailSender.class).to(DevMailbox.class);
        }
        if (config.sms().isPresent()) {
            install(new NotifyModule(config.sms().get()));
        } else {
            bind(SmsSender.class).to(DevMailbox.class);
        }
        config.hl7().ifPresent(h -> install(new Hl7Module(h, Optional.empty())));
        if (config.s3().isPresent()) {
            install(new S3Module(config.s3().get()));
        } else {
            bind(BlobStore.class).toInstance(new FileSystemBlobStore(config.dataDir().resolve("blobs")));
        }
        clock.ifPresent(c -> OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(c));
    }

    @Provides
    @Singleton
    DevMailbox devMailbox(Clock clock) {
        return new DevMailbox(clock);
    }

    @Provides
    @Singleton
    KeyProvider keys(SecureRandom random) {
        return FileKeyProvider.createIfAbsent(config.dataDir().resolve("keys").resolve("master.key"), random);
    }
}
