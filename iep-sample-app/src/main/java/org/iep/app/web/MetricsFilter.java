package org.iep.app.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times every request as {@code iep.http.requests} tagged by route pattern (e.g. {@code /a/*}, never the path,
 * which may hold a token), method and status class.
 */
final class MetricsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient MeterRegistry registry;

    MetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(req, resp);
        } finally {
            String route = req.getHttpServletMapping() == null ? "none" : req.getHttpServletMapping().getPattern();
            sample.stop(Timer.builder("iep.http.requests").tag("route", route.isEmpty() ? "/" : route)
                    .tag("method", req.getMethod()).tag("status", (resp.getStatus() / 100) + "xx")
                    .register(registry));
        }
    }
}
