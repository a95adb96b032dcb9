package org.iep.adapters.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.util.Objects;
import org.iep.api.spi.SmsSender;

/** Binds {@link SmsSender} to {@link NotifySmsSender}. Needs a {@code Clock} binding (IepCoreModule has one). */
public final class NotifyModule extends AbstractModule {
    private final NotifyConfig config;

    public NotifyModule(NotifyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(NotifyConfig.class).toInstance(config);
        bind(SmsSender.class).to(NotifySmsSender.class).in(Singleton.class);
    }
}
