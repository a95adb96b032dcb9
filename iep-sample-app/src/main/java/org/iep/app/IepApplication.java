package org.iep.app;

import com.google.inject.Guice;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.iep.app.work.Metrics;
import com.google.inject.Injector;
import jakarta.servlet.http.HttpServlet;
import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.NodeStore;
import org.iep.app.dicom.DicomSide;
import org.iep.core.policy.IepPolicy;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UserStore;
import org.iep.app.rest.ApiClients;
import org.iep.app.rest.ApiCaller;
import org.iep.app.rest.ApiServlet;
import org.iep.app.dicomweb.DicomWebServlet;
import org.iep.app.dicomweb.Stow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iep.adapters.hl7.Hl7Listener;
import org.iep.adapters.s3.S3BlobStore;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.spi.DirectoryStore;
import org.iep.app.config.AppConfig;
import org.iep.app.demo.DemoData;
import org.iep.app.dev.DevMailbox;
import org.iep.app.web.Pages;
import org.iep.app.web.WebServer;
import org.iep.app.web.individual.IndividualPages;
import org.iep.api.spi.KeyProvider;
import org.iep.app.work.Workers;
import org.iep.core.wiring.IepCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running portal: database opened and migrated, core built, demo data seeded when asked, periodic jobs running
 * and the HTTP server listening. {@link #close} stops them in reverse order; {@code /health} answers 503 from the
 * moment closing begins.
 */
public final class IepApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IepApplication.class);

    private final AtomicBoolean ready = new AtomicBoolean();
    private final PrometheusMeterRegistry metrics = Metrics.registry();
    private final Injector injector;
    private final Workers workers;
    private final WebServer web;
    private final Optional<Hl7Listener> hl7;
    private final Optional<DicomSide> dicom;
    private final Optional<Workers> slowWorkers;

    private IepApplication(AppConfig config, Optional<Clock> clock, ServerSocketChannel listening) throws Exception {
        injector = Guice.createInjector(new AppModule(config, clock));
        JdbcDatabase database = injector.getInstance(JdbcDatabase.class);   // opens and migrates the database
        Workers startedWorkers = null;
        Optional<DicomSide> startedDicom = Optional.empty();
        Optional<Workers> startedSlowWorkers = Optional.empty();
        try {
            IepCore core = injector.getInstance(IepCore.class);
            if (config.demoData()) {
                new DemoData(core.directory(), core.nodes(), injector.getInstance(DirectoryStore.class),
                        core.transactions(),
                        core.ingest(),
                        config.smtp().isEmpty() ? Optional.of(injector.getInstance(MailSender.class))
                                : Optional.empty(), config.apiClientsFile(),
                        injector.getInstance(SecureRandom.class)).seedIfEmpty();
            }
            List<Workers.Periodic> jobs = new java.util.ArrayList<>();
            if (injector.getInstance(org.iep.api.spi.BlobStore.class) instanceof S3BlobStore s3) {
                jobs.add(new Workers.Periodic("s3 sweep", Duration.ofHours(1), now -> s3.sweep(Duration.ofDays(1))));
            }
            startedWorkers = new Workers(injector.getInstance(Clock.class), metrics, concat(jobs, List.of(
                    new Workers.Periodic("outbox", Duration.ofSeconds(2), now -> core.outboxWorker().runOnce(now)),
                    new Workers.Periodic("expiry reminders", Duration.ofMinutes(15),
                            now -> core.expiryReminders().runOnce(now)),
                    new Workers.Periodic("purge", Duration.ofHours(1), now -> core.purgeJob().runOnce(now)),
                    new Workers.Periodic("orphan blobs", Duration.ofHours(1), now -> core.orphans().collect(now)),
                    new Workers.Periodic("reports", Duration.ofHours(1), now -> {
                        Clock at = Clock.fixed(now, java.time.ZoneOffset.UTC);
                        core.reports().purgeExpired(at);
                        core.reports().collectOrphans(at);
                    }))));
            WebServer server = new WebServer(config.behindProxy(),
                    injector.getInstance(Clock.class), ready::get, metrics,
                    config.devMailbox() ? Optional.of(injector.getInstance(DevMailbox.class)) : Optional.empty(),
                    routes(config, core));
            try {
                server.start(listening);
            } catch (Exception e) {
                server.close();
                throw e;
            }
            startedDicom = startDicom(config, core);
            // deliveries wait on slow nodes and preparing a package reads a whole study: their own thread, so
            // e-mails and purges never queue behind them
            List<Workers.Periodic> slow = new java.util.ArrayList<>(List.of(new Workers.Periodic(
                    "package preparation", Duration.ofSeconds(30), now -> core.packagePreparation().runOnce(now))));
            startedDicom.ifPresent(d -> slow.addAll(d.periodic()));
            startedSlowWorkers = Optional.of(new Workers(injector.getInstance(Clock.class), metrics, slow));
            Optional<Hl7Listener> listener = config.hl7().map(h -> injector.getInstance(Hl7Listener.class));
            try {
                listener.ifPresent(Hl7Listener::start);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            hl7 = listener;
            dicom = startedDicom;
            slowWorkers = startedSlowWorkers;
            workers = startedWorkers;
            web = server;
        } catch (Exception | Error e) {
            startedSlowWorkers.ifPresent(Workers::close);
            startedDicom.ifPresent(DicomSide::close);
            if (startedWorkers != null) {
                startedWorkers.close();
            }
            database.close();
            throw e;
        }
        ready.set(true);
        LOG.info("IEP portal ready at {} (listening on {}:{}; data in {})", config.publicUrl(), config.httpHost(),
                web.port(), config.dataDir());
        hl7.ifPresent(l -> LOG.info("HL7 v2 listener for RIS reports on {}:{}", config.hl7().get().bindAddress(),
                l.port()));
        dicom.ifPresent(d -> LOG.info("DICOM SCP {} on {}:{} (direct routes: {})", config.dicom().get().aeTitle(),
                config.dicom().get().bindAddress(), d.port(), d.directRouting().calledAeTitles()));
        if (config.devMailbox()) {
            LOG.info("No mail or SMS gateway configured: messages go to the dev mailbox at {}/dev/mailbox",
                    config.publicUrl());
        }
    }

    private Optional<DicomSide> startDicom(AppConfig config, IepCore core) {
        if (config.dicom().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DicomSide.start(config.dicom().get(), core, new DicomSide.Stores(
                injector.getInstance(TransactionStore.class), injector.getInstance(DirectoryStore.class),
                injector.getInstance(NodeStore.class), injector.getInstance(InstanceIndex.class),
                injector.getInstance(org.iep.api.spi.BlobStore.class), injector.getInstance(JobQueue.class),
                injector.getInstance(AuditLog.class)), injector.getInstance(IepPolicy.class),
                injector.getInstance(Clock.class)));
    }

    private Map<String, HttpServlet> routes(AppConfig config, IepCore core) {
        Map<String, HttpServlet> routes = new LinkedHashMap<>(IndividualPages.routes(core,
                injector.getInstance(KeyProvider.class), new Pages(), config.publicUrl().startsWith("https:")));
        ApiClients clients = ApiClients.load(config.apiClientsFile());
        routes.put("/api/v1/*", new ApiServlet(clients,
                injector.getInstance(UserStore.class), injector.getInstance(DirectoryStore.class),
                injector.getInstance(NodeStore.class), injector.getInstance(TransactionStore.class),
                core.transactions(), core.auditTrail(), core.reports(), core.uploads(), core.pseudonymisation()));
        ApiCaller apiCaller = new ApiCaller(clients, injector.getInstance(UserStore.class));
        try {
            routes.put("/dicomweb/*", new DicomWebServlet(core.images(), IndividualPages::session, apiCaller,
                    new Stow(core.images(), core.ingest(), apiCaller, config.dataDir().resolve("spool")
                            .resolve("stow"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot prepare the STOW-RS spool in " + config.dataDir(), e);
        }
        return routes;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Starts the portal; on failure, whatever had started is stopped again. */
    public static IepApplication start(AppConfig config) throws Exception {
        return open(config, Optional.empty());
    }

    /** Starts the portal on the given clock instead of the system's (tests of expiry and lock-outs). */
    public static IepApplication start(AppConfig config, Clock clock) throws Exception {
        return open(config, Optional.of(clock));
    }

    private static IepApplication open(AppConfig config, Optional<Clock> clock) throws Exception {
        ServerSocketChannel listening = WebServer.listen(config.httpHost(), config.httpPort());
        try {
            return new IepApplication(config.listeningOn(WebServer.port(listening)), clock, listening);
        } catch (Exception | Error e) {
            listening.close();
            throw e;
        }
    }

    public int httpPort() {
        return web.port();
    }

    /** The DICOM SCP's port, when it runs. */
    public Optional<Integer> dicomPort() {
        return dicom.map(DicomSide::port);
    }

    /** The HL7 listener's port, when it runs. */
    public Optional<Integer> hl7Port() {
        return hl7.map(Hl7Listener::port);
    }

    public Injector injector() {
        return injector;
    }

    @Override
    public void close() throws Exception {
        ready.set(false);
        try {
            hl7.ifPresent(Hl7Listener::close);
            dicom.ifPresent(DicomSide::close);
            slowWorkers.ifPresent(Workers::close);
            web.close();
        } finally {
            try {
                workers.close();
            } finally {
                injector.getInstance(JdbcDatabase.class).close();
                metrics.close();
                LOG.info("IEP portal stopped");
            }
        }
    }
}
