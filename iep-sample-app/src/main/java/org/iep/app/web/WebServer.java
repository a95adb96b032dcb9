package org.iep.app.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.iep.app.dev.DevMailbox;

/** The portal's HTTP server (Jetty): health, the dev mailbox when enabled, the given routes, security headers. */
public final class WebServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    public WebServer(String host, int port, BooleanSupplier ready, Optional<DevMailbox> devMailbox,
                     Map<String, HttpServlet> routes) {
        server = new Server();
        server.setStopTimeout(10_000);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HealthServlet(ready)), "/health");
        context.addServlet(new ServletHolder(new StaticServlet()), "/static/*");
        devMailbox.ifPresent(m -> context.addServlet(new ServletHolder(new DevMailboxServlet(m)), "/dev/mailbox"));
        routes.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
    }

    public void start() throws Exception {
        server.start();
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
