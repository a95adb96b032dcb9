package org.iep.adapters.hl7;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iep.api.Problem;

/**
 * Listener settings.
 *
 * @param bindAddress    where to listen; {@code 127.0.0.1} unless the RIS is on another host
 * @param port           0 picks a free port (tests)
 * @param maxConnections connections served at once; more are closed at once (a RIS uses one or two)
 * @param maxFrameBytes  the largest MLLP frame; a larger one is logged and the connection closed (a Base64 PDF
 *                       is 4/3 of the PDF's size, so this must exceed the core's report limit by that much)
 * @param idleTimeout    how long a connection may wait between messages before it is closed
 * @param readTimeout    how long a read inside a frame may block (a sender that stops mid-frame)
 * @param frameTimeout   how long one whole frame may take (a sender that trickles bytes to hold a connection)
 */
public record Hl7Config(
        String bindAddress,
        int port,
        int maxConnections,
        int maxFrameBytes,
        Duration idleTimeout,
        Duration readTimeout,
        Duration frameTimeout) {

    public static final Hl7Config DEFAULT = new Hl7Config("127.0.0.1", 2575, 8, 32 * 1024 * 1024,
            Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(2));

    public Hl7Config {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(frameTimeout, "frameTimeout");
        List<Problem> p = new ArrayList<>();
        if (bindAddress.isBlank()) {
            p.add(new Problem("iep.hl7.bindAddress", "is required"));
        }
        if (port < 0 || port > 65_535) {
            p.add(new Problem("iep.hl7.port", "must be 0-65535"));
        }
        if (maxConnections < 1 || maxConnections > 1000) {
            p.add(new Problem("iep.hl7.maxConnections", "must be 1-1000"));
        }
        if (maxFrameBytes < 1024) {
            p.add(new Problem("iep.hl7.maxFrameBytes", "must be at least 1024"));
        }
        positive(p, "iep.hl7.idleTimeout", idleTimeout);
        positive(p, "iep.hl7.readTimeout", readTimeout);
        positive(p, "iep.hl7.frameTimeout", frameTimeout);
        if (!p.isEmpty()) {
            throw new InvalidHl7ConfigurationException(p);
        }
    }

    /**
     * From {@code iep.hl7.*} settings (durations as ISO-8601, e.g. {@code PT30S}); absent keys take the defaults.
     * Every problem is listed.
     */
    public static Hl7Config from(Map<String, String> s) {
        List<Problem> p = new ArrayList<>();
        Hl7Config d = DEFAULT;
        String bind = s.getOrDefault("iep.hl7.bindAddress", d.bindAddress()).strip();
        int port = integer(s, p, "iep.hl7.port", d.port());
        int connections = integer(s, p, "iep.hl7.maxConnections", d.maxConnections());
        int frame = integer(s, p, "iep.hl7.maxFrameBytes", d.maxFrameBytes());
        Duration idle = duration(s, p, "iep.hl7.idleTimeout", d.idleTimeout());
        Duration read = duration(s, p, "iep.hl7.readTimeout", d.readTimeout());
        Duration whole = duration(s, p, "iep.hl7.frameTimeout", d.frameTimeout());
        try {
            Hl7Config c = new Hl7Config(bind, port, connections, frame, idle, read, whole);
            if (p.isEmpty()) {
                return c;
            }
        } catch (InvalidHl7ConfigurationException e) {
            p.addAll(e.problems());
        }
        throw new InvalidHl7ConfigurationException(p);
    }

    private static int integer(Map<String, String> s, List<Problem> p, String key, int fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            p.add(new Problem(key, "must be a whole number"));
            return fallback;
        }
    }

    private static Duration duration(Map<String, String> s, List<Problem> p, String key, Duration fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Duration.parse(v.strip());
        } catch (DateTimeParseException e) {
            p.add(new Problem(key, "must be an ISO-8601 duration such as PT30S"));
            return fallback;
        }
    }

    public Hl7Config withPort(int newPort) {
        return new Hl7Config(bindAddress, newPort, maxConnections, maxFrameBytes, idleTimeout, readTimeout,
                frameTimeout);
    }

    public Hl7Config withLimits(int connections, int frameBytes, Duration read, Duration frame) {
        return new Hl7Config(bindAddress, port, connections, frameBytes, idleTimeout, read, frame);
    }

    private static void positive(List<Problem> p, String field, Duration d) {
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            p.add(new Problem(field, "must be a positive duration"));
        }
    }
}
