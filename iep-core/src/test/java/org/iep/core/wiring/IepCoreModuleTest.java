package org.iep.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.SmsSender;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UserStore;
import org.iep.core.access.AccessLinks;
import org.iep.core.access.PasscodeVerifier;
import org.iep.core.forwarding.Forwarding;
import org.iep.core.transaction.Transactions;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryAccessStore;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryNodeStore;
import org.iep.testkit.memory.InMemorySessionStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.InMemoryUserStore;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;
import org.junit.jupiter.api.Test;

class IepCoreModuleTest {

    private static final class InMemoryPorts extends AbstractModule {
        @Override
        protected void configure() {
            bind(TransactionStore.class).toInstance(new InMemoryTransactionStore());
            bind(DirectoryStore.class).toInstance(new InMemoryDirectoryStore());
            bind(UserStore.class).toInstance(new InMemoryUserStore());
            bind(NodeStore.class).toInstance(new InMemoryNodeStore());
            bind(AccessStore.class).toInstance(new InMemoryAccessStore());
            bind(SessionStore.class).toInstance(new InMemorySessionStore());
            bind(AuditLog.class).toInstance(new InMemoryAuditLog());
            bind(BlobStore.class).toInstance(new InMemoryBlobStore());
            bind(JobQueue.class).toInstance(new InMemoryJobQueue());
            bind(MailSender.class).toInstance(new RecordingMailSender());
            bind(SmsSender.class).toInstance(new RecordingSmsSender());
            bind(KeyProvider.class).toInstance(new FixedKeyProvider("guice"));
            bind(InstanceIndex.class).toInstance(new InMemoryInstanceIndex());
            bind(org.iep.api.spi.ReportStore.class).toInstance(new org.iep.testkit.memory.InMemoryReportStore());
            bind(org.iep.api.spi.PseudonymStore.class).toInstance(new org.iep.testkit.memory.InMemoryPseudonymStore());
            bind(AccessLinks.class).toInstance(new AccessLinks("https://iep.test"));
        }
    }

    @Test
    void servicesAreSingletonsOfOneCore() {
        Injector injector = Guice.createInjector(new InMemoryPorts(), new IepCoreModule());
        IepCore core = injector.getInstance(IepCore.class);
        assertThat(injector.getInstance(IepCore.class)).isSameAs(core);
        assertThat(injector.getInstance(Transactions.class)).isSameAs(core.transactions());
        assertThat(injector.getInstance(PasscodeVerifier.class)).isSameAs(core.passcodes());
        assertThat(injector.getInstance(Forwarding.class)).isSameAs(core.forwarding());
    }

    @Test
    void clockIsAnOverridableDefault() {
        TestClock clock = TestClock.create();
        Injector injector = Guice.createInjector(new InMemoryPorts(), new IepCoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(clock);
            }
        });
        assertThat(injector.getInstance(Clock.class)).isSameAs(clock);
    }

    @Test
    void aMissingAdapterFailsAtStartInsteadOfFallingBackToMemory() {
        assertThatThrownBy(() -> Guice.createInjector(new IepCoreModule()))
                .isInstanceOf(com.google.inject.CreationException.class)
                .hasMessageContaining("No implementation for TransactionStore").hasMessageContaining("No implementation for KeyProvider");
    }

    @Test
    void thePlainBuilderListsEverythingMissingAtOnce() {
        assertThatThrownBy(() -> IepCore.builder().build()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("ports", "accessLinks"));
        assertThatThrownBy(() -> new Ports(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(15));
    }
}
