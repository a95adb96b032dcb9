package org.iep.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Optional;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.junit.jupiter.api.Test;

class Hl7ModuleTest {
    @Test
    void bindsOneListenerThatStartsOnlyWhenAsked() throws Exception {
        TestClock clock = TestClock.create();
        Reports reports = new Reports(new InMemoryReportStore(), new InMemoryTransactionStore(),
                new InMemoryBlobStore(), new Auditor(new InMemoryAuditLog(), clock),
                new IdGenerator(new SecureRandom()), clock, ReportSettings.DEFAULT);
        Injector injector = Guice.createInjector(new Hl7Module(Hl7Config.DEFAULT.withPort(0), Optional.empty()),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Reports.class).toInstance(reports);
                    }
                });

        Hl7Listener listener = injector.getInstance(Hl7Listener.class);
        assertThat(injector.getInstance(Hl7Listener.class)).isSameAs(listener);
        try (listener) {
            int port = listener.start();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(Messages.frame(Messages.textReport("G1", "ACC1")));
                assertThat(Hl7ListenerTest.readReply(s)).contains("MSA|AA|G1");
            }
        }
    }
}
