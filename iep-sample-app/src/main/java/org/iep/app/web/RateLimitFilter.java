package org.iep.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-client-address token bucket in front of the paths that send messages or check secrets (opening links,
 * asking for and checking passcodes): {@code capacity} requests, refilled evenly over {@code period}. Over the limit
 * the answer is 429 with {@code Retry-After}. The table keeps the {@value #MAX_CLIENTS} most recent addresses, so a
 * flood of addresses cannot exhaust memory. The core's own limits (5 codes an hour, lock-outs) apply regardless.
 */
final class RateLimitFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final int MAX_CLIENTS = 10_000;

    private final transient Clock clock;
    private final int capacity;
    private final double perNano;
    private final transient Map<String, double[]> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    RateLimitFilter(Clock clock, int capacity, Duration period) {
        this.clock = clock;
        this.capacity = capacity;
        this.perNano = capacity / (double) period.toNanos();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long waitSeconds = take(req.getRemoteAddr());
        if (waitSeconds > 0) {
            resp.setStatus(429);
            resp.setHeader("Retry-After", Long.toString(waitSeconds));
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write("Too many requests. Please wait " + waitSeconds + " seconds and try again.");
            return;
        }
        chain.doFilter(req, resp);
    }

    /** 0 when a token was taken, else the seconds until one is available. */
    synchronized long take(String client) {
        long now = clock.millis() * 1_000_000L;
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {capacity, now});
        b[0] = Math.min(capacity, b[0] + (now - b[1]) * perNano);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perNano / 1e9));
    }
}
