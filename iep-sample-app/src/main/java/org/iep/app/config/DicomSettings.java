package org.iep.app.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.Problem;
import org.iep.api.Secret;
import org.iep.adapters.dicom.DicomTlsConfig;
import java.nio.file.Path;

/**
 * The DICOM side of the portal ({@code iep.dicom.*}): our SCP for pushes from configured nodes and retrieves, the
 * delivery of transactions to nodes, and direct routes.
 *
 * @param aeTitle         our AE title: C-MOVE destination of retrieves and calling AE of deliveries
 * @param bindAddress     where the SCP listens (default: the HTTP host, 127.0.0.1 on embedded defaults)
 * @param port            the SCP's port (default 11112, dcmtk's and Orthanc's customary unprivileged DICOM port;
 *                        any free port when {@code iep.http.port} is 0)
 * @param maxAssociations concurrent associations the SCP takes
 * @param stableAge       a direct-routed study is sent on when nothing arrived for this long (ISO-8601, PT60S)
 * @param routes          {@code iep.dicom.routes}: comma-separated {@code CALLED_AE=SOURCE>RECIPIENT[@NODE_AE]} with
 *                        institution codes, e.g. {@code TO_NTEE=STEE>NTEE@NTEE_PACS}
 * @param tls             {@code iep.dicom.tls.keyStore}, {@code .keyStorePassword}, {@code .trustStore},
 *                        {@code .trustStorePassword} (PKCS #12): how nodes marked TLS are reached (never in clear;
 *                        without these such nodes are refused); checked at start
 * @param storageCommitment {@code iep.dicom.storageCommitment}: comma-separated {@code NODE_AE=PT30S}: after a
 *                        delivery to that node, ask it to commit what it acknowledged and wait that long for its
 *                        report (PT1S-PT10M); a delivery it does not commit whole is retried
 */
public record DicomSettings(String aeTitle, String bindAddress, int port, int maxAssociations, Duration stableAge,
                            List<Route> routes, Optional<DicomTlsConfig> tls, Map<String, Duration> storageCommitment) {
    static final int DEFAULT_PORT = 11112;
    private static final Pattern COMMITMENT = Pattern.compile("([^=\\\\]{1,16})=(\\S+)");
    private static final Pattern ROUTE = Pattern.compile("([^=]{1,16})=([A-Za-z0-9_-]+)>([A-Za-z0-9_-]+)(?:@(.{1,16}))?");

    /** One direct route as configured, by institution codes and node AE title; resolved at start. */
    public record Route(String calledAe, String sourceCode, String recipientCode, Optional<String> nodeAe) {
        public Route {
            Objects.requireNonNull(calledAe, "calledAe");
            Objects.requireNonNull(sourceCode, "sourceCode");
            Objects.requireNonNull(recipientCode, "recipientCode");
            Objects.requireNonNull(nodeAe, "nodeAe");
        }
    }

    public DicomSettings {
        routes = List.copyOf(routes);
        Objects.requireNonNull(tls, "tls");
        storageCommitment = Map.copyOf(storageCommitment);
    }

    /** Without storage commitment requests. */
    public DicomSettings(String aeTitle, String bindAddress, int port, int maxAssociations, Duration stableAge,
                         List<Route> routes, Optional<DicomTlsConfig> tls) {
        this(aeTitle, bindAddress, port, maxAssociations, stableAge, routes, tls, Map.of());
    }

    /** Reads {@code iep.dicom.*}; problems are added to {@code problems} (all of them), null is returned then. */
    static DicomSettings from(Map<String, String> s, String httpHost, boolean anyFreePort, boolean demo,
                              List<Problem> problems) {
        int before = problems.size();
        String ae = s.getOrDefault("iep.dicom.aeTitle", "IEP").strip();
        if (!ae.matches("[ -\\[\\]-~]{1,16}") || ae.isBlank()) {
            problems.add(new Problem("iep.dicom.aeTitle", "must be 1-16 printable characters without backslash"));
        }
        String bind = s.getOrDefault("iep.dicom.bindAddress", httpHost).strip();
        int port = integer(s, "iep.dicom.port", anyFreePort ? 0 : DEFAULT_PORT, 0, 65535, problems);
        int max = integer(s, "iep.dicom.maxAssociations", 50, 1, 1000, problems);
        Duration stable = Duration.ofSeconds(60);
        String stableText = s.getOrDefault("iep.dicom.stableAge", "PT60S").strip();
        try {
            stable = Duration.parse(stableText);
            if (stable.toSeconds() < 1 || stable.toHours() > 24) {
                problems.add(new Problem("iep.dicom.stableAge", "must be between PT1S and PT24H"));
            }
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem("iep.dicom.stableAge", "must be an ISO-8601 duration such as PT60S, was '"
                    + stableText + "'"));
        }
        // the demo hospitals come with a route, so a PACS push works on embedded defaults
        String routesText = s.getOrDefault("iep.dicom.routes", demo ? "TO_NTEE=STEE>NTEE@NTEE_PACS" : "").strip();
        List<Route> routes = new ArrayList<>();
        if (!routesText.isEmpty()) {
            for (String part : routesText.split(",")) {
                Matcher m = ROUTE.matcher(part.strip());
                if (!m.matches()) {
                    problems.add(new Problem("iep.dicom.routes", "'" + part.strip() + "' is not"
                            + " CALLED_AE=SOURCE>RECIPIENT[@NODE_AE]"));
                    continue;
                }
                routes.add(new Route(m.group(1).strip(), m.group(2), m.group(3),
                        Optional.ofNullable(m.group(4)).map(String::strip)));
            }
        }
        Optional<DicomTlsConfig> tls = tls(s, problems);
        Map<String, Duration> commitment = storageCommitment(s.getOrDefault("iep.dicom.storageCommitment", ""),
                problems);
        return problems.size() > before ? null : new DicomSettings(ae, bind, port, max, stable, routes, tls,
                commitment);
    }

    private static Map<String, Duration> storageCommitment(String text, List<Problem> problems) {
        Map<String, Duration> waits = new java.util.LinkedHashMap<>();
        for (String part : text.strip().isEmpty() ? new String[0] : text.split(",")) {
            Matcher m = COMMITMENT.matcher(part.strip());
            Duration wait = null;
            if (m.matches()) {
                try {
                    wait = Duration.parse(m.group(2));
                } catch (java.time.format.DateTimeParseException e) {
                    wait = null;
                }
            }
            if (wait == null || wait.toMillis() < 1000 || wait.toMinutes() > 10) {
                problems.add(new Problem("iep.dicom.storageCommitment", "'" + part.strip() + "' is not NODE_AE=DURATION"
                        + " with an AE title of 1-16 characters and a wait between PT1S and PT10M"));
                continue;
            }
            waits.put(m.group(1).strip(), wait);
        }
        return waits;
    }

    /** All four {@code iep.dicom.tls.*} settings, or none. */
    private static Optional<DicomTlsConfig> tls(Map<String, String> s, List<Problem> problems) {
        List<String> keys = List.of("iep.dicom.tls.keyStore", "iep.dicom.tls.keyStorePassword",
                "iep.dicom.tls.trustStore", "iep.dicom.tls.trustStorePassword");
        List<String> given = keys.stream().filter(k -> !s.getOrDefault(k, "").isBlank()).toList();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() < keys.size()) {
            keys.stream().filter(k -> !given.contains(k)).forEach(k -> problems.add(new Problem(k,
                    "is required with the other iep.dicom.tls.* settings")));
            return Optional.empty();
        }
        return Optional.of(new DicomTlsConfig(Path.of(s.get(keys.get(0)).strip()), Secret.of(s.get(keys.get(1))),
                Path.of(s.get(keys.get(2)).strip()), Secret.of(s.get(keys.get(3)))));
    }

    private static int integer(Map<String, String> s, String key, int fallback, int min, int max,
                               List<Problem> problems) {
        String v = s.getOrDefault(key, String.valueOf(fallback)).strip();
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                problems.add(new Problem(key, "must be between " + min + " and " + max + ", was " + n));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem(key, "must be a whole number, was '" + v + "'"));
            return fallback;
        }
    }
}
