package org.iep.app.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.iep.app.dev.DevMailbox;

/** The portal's HTTP server (Jetty): health, metrics, the dev mailbox when enabled, the given routes, security headers. */
public final class WebServer implements AutoCloseable {
    /** Forms are small: a passcode, a reason, a forward's details. Bodies beyond this are refused unread. */
    static final int MAX_FORM_BYTES = 64 * 1024;
    private static final String JS = "text/javascript;charset=UTF-8";
    static final int DOWNLOADS_PER_HOUR = 30;
    /** Paths that send messages or check secrets: opening links, passcodes. */
    static final List<String> RATE_LIMITED = List.of("/a/*", "/login");
    private final Server server;
    private final ServerConnector connector;

    public WebServer(boolean behindProxy, Clock clock, BooleanSupplier ready,
                     PrometheusMeterRegistry metrics, Optional<DevMailbox> devMailbox, Map<String, HttpServlet> routes) {
        server = new Server();
        server.setStopTimeout(10_000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (behindProxy) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setMaxFormContentSize(MAX_FORM_BYTES);
        context.setMaxFormKeys(100);
        context.setErrorHandler(new GenericErrorHandler());
        context.addFilter(new FilterHolder(new MetricsFilter(metrics)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        FilterHolder secrets = new FilterHolder(new RateLimitFilter(clock, 30, Duration.ofMinutes(10)));
        for (String path : RATE_LIMITED) {
            context.addFilter(secrets, path, EnumSet.of(DispatcherType.REQUEST));
        }
        // a package download reads the whole study: a few per hour per client address is plenty
        context.addFilter(new FilterHolder(new RateLimitFilter(clock, DOWNLOADS_PER_HOUR, Duration.ofHours(1))),
                "/download", EnumSet.of(DispatcherType.REQUEST));
        // chunks of an upload: a CD of 1,500 files in 8 MiB chunks fits; a flood does not
        context.addFilter(new FilterHolder(new RateLimitFilter(clock, 20_000, Duration.ofHours(1))),
                "/upload/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HealthServlet(ready)), "/health");
        context.addServlet(new ServletHolder(new StaticServlet(Map.of("app.css",
                new StaticServlet.Asset("static/app.css", "text/css;charset=UTF-8"),
                "viewer.js", new StaticServlet.Asset("static/viewer.js", JS),
                "upload.js", new StaticServlet.Asset("static/upload.js", JS),
                "vendor/cornerstone.min.js", new StaticServlet.Asset("static/vendor/cornerstone.min.js", JS),
                "vendor/dicomParser.min.js", new StaticServlet.Asset("static/vendor/dicomParser.min.js", JS)))),
                "/static/*");
        context.addServlet(new ServletHolder(new StaticServlet(Map.of("",
                new StaticServlet.Asset("api/openapi.json", "application/json")))), "/api/openapi.json");
        context.addServlet(new ServletHolder(new MetricsServlet(metrics)), "/metrics");
        devMailbox.ifPresent(m -> context.addServlet(new ServletHolder(new DevMailboxServlet(m)), "/dev/mailbox"));
        routes.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
    }

    /** Starts serving on a socket from {@link #listen}. */
    public void start(ServerSocketChannel bound) throws Exception {
        connector.open(bound);
        server.start();
    }

    /**
     * The portal's socket, bound before anything else starts: a port in use fails the start before the database is
     * touched, and with port 0 the port the links name is the port served (one looked up and bound later could be
     * taken meanwhile).
     */
    public static ServerSocketChannel listen(String host, int port) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(host, port));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port a socket from {@link #listen} is bound to. */
    public static int port(ServerSocketChannel bound) throws IOException {
        return ((InetSocketAddress) bound.getLocalAddress()).getPort();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
