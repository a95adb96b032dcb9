package org.iep.app.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iep.adapters.jdbc.InvalidJdbcConfigurationException;
import java.util.Optional;
import org.iep.adapters.jdbc.JdbcConfig;
import org.iep.adapters.notify.InvalidNotifyConfigurationException;
import org.iep.adapters.notify.NotifyConfig;
import org.iep.adapters.hl7.Hl7Config;
import org.iep.adapters.hl7.InvalidHl7ConfigurationException;
import org.iep.adapters.s3.InvalidS3ConfigurationException;
import org.iep.adapters.s3.S3Config;
import org.iep.adapters.smtp.InvalidSmtpConfigurationException;
import org.iep.adapters.smtp.SmtpConfig;
import org.iep.api.Problem;

/**
 * The portal's validated configuration. {@link #from} reports every problem at once. Defaults are the embedded
 * ones: 127.0.0.1:8080, data under {@code ./iep-data} (H2 database file, blobs, master key), the dev mailbox
 * instead of real mail and SMS gateways ({@code iep.mail.mode=smtp}, {@code iep.sms.mode=notify} switch them on),
 * and demo data.
 *
 * @param behindProxy trust {@code Forwarded} / {@code X-Forwarded-*} headers from a reverse proxy (client address
 *                    for rate limits and audit, HTTPS for cookies and HSTS); only when every request passes it
 * @param publicUrl the base URL individuals' links point at
 * @param smtp the relay for e-mail; empty: e-mails go to the dev mailbox ({@code /dev/mailbox})
 * @param sms the SMS gateway (GOV.UK Notify); empty: texts go to the dev mailbox
 * @param demoData seed two hospitals and their users on an empty database
 * @param apiClientsFile the REST API's clients and their key hashes ({@code <dataDir>/api-clients.properties})
 * @param s3 blobs in an S3-compatible store ({@code iep.blobs.mode=s3} and {@code iep.s3.*}); empty: the filesystem
 *           under {@code <dataDir>/blobs}
 * @param hl7 the HL7 v2 listener for reports from the RIS ({@code iep.hl7.*}); empty when {@code iep.hl7.enabled}
 *            is false. Its port defaults to 2575, or to any free port when {@code iep.http.port} is 0 (tests and
 *            side-by-side instances)
 * @param dicom the DICOM SCP, deliveries to nodes and direct routes ({@code iep.dicom.*}); empty when
 *              {@code iep.dicom.enabled} is false
 */
public record AppConfig(String httpHost, int httpPort, boolean behindProxy, String publicUrl, Path dataDir,
                        JdbcConfig jdbc, Optional<SmtpConfig> smtp, Optional<NotifyConfig> sms, boolean demoData,
                        Path apiClientsFile, Optional<Hl7Config> hl7, Optional<S3Config> s3,
                        Optional<DicomSettings> dicom) {

    /** Every key the portal reads; environment variables are looked up for these. */
    public static final List<String> KEYS = List.of("iep.http.host", "iep.http.port", "iep.http.behindProxy", "iep.publicUrl",
            "iep.dataDir", "iep.jdbc.url", "iep.jdbc.user", "iep.jdbc.password", "iep.jdbc.poolSize",
            "iep.jdbc.connectionTimeout", "iep.jdbc.migrate", "iep.mail.mode", "iep.sms.mode", "iep.demo",
            "iep.api.clientsFile", "iep.smtp.host", "iep.smtp.port", "iep.smtp.security", "iep.smtp.user",
            "iep.smtp.password", "iep.smtp.from", "iep.smtp.fromName", "iep.smtp.timeout", "iep.smtp.trustedHosts",
            "iep.notify.apiKey", "iep.notify.baseUrl", "iep.notify.templateId", "iep.notify.smsSenderId",
            "iep.notify.perMinute", "iep.hl7.enabled", "iep.hl7.bindAddress", "iep.hl7.port",
            "iep.hl7.maxConnections", "iep.hl7.maxFrameBytes", "iep.hl7.idleTimeout", "iep.hl7.readTimeout",
            "iep.hl7.frameTimeout", "iep.blobs.mode", "iep.s3.endpoint", "iep.s3.region", "iep.s3.bucket",
            "iep.s3.accessKey", "iep.s3.secretKey", "iep.s3.pathStyle", "iep.s3.prefix", "iep.s3.partSize",
            "iep.s3.timeout", "iep.dicom.enabled", "iep.dicom.aeTitle", "iep.dicom.bindAddress", "iep.dicom.port",
            "iep.dicom.maxAssociations", "iep.dicom.stableAge", "iep.dicom.routes", "iep.dicom.storageCommitment",
            "iep.dicom.tls.keyStore",
            "iep.dicom.tls.keyStorePassword", "iep.dicom.tls.trustStore", "iep.dicom.tls.trustStorePassword");

    public static AppConfig from(Settings s) {
        List<Problem> problems = new ArrayList<>();
        String host = s.get("iep.http.host", "127.0.0.1");
        int port = 8080;
        String portText = s.get("iep.http.port", "8080");
        try {
            port = Integer.parseInt(portText);
            if (port < 0 || port > 65535) {
                problems.add(new Problem("iep.http.port", "must be between 0 (any free port) and 65535, was " + port));
            }
        } catch (NumberFormatException e) {
            problems.add(new Problem("iep.http.port", "must be a port number, was '" + portText + "'"));
        }
        // with port 0 the links name the port the portal is given when it starts: see listeningOn
        String publicUrl = s.get("iep.publicUrl", defaultUrl(host, port));
        try {
            URI uri = URI.create(publicUrl);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(new Problem("iep.publicUrl", "must be an http(s) URL such as https://iep.example.nhs.uk"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("iep.publicUrl", "is not a URL: '" + publicUrl + "'"));
        }
        Path dataDir = Path.of("iep-data");
        try {
            dataDir = Path.of(s.get("iep.dataDir", "iep-data")).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(new Problem("iep.dataDir", "is not a valid path: " + e.getReason()));
        }
        Optional<SmtpConfig> smtp = Optional.empty();
        String mailMode = s.get("iep.mail.mode", "dev");
        if (mailMode.equals("smtp")) {
            try {
                smtp = Optional.of(SmtpConfig.from(s.asMap()));
            } catch (InvalidSmtpConfigurationException e) {
                problems.addAll(e.problems());
            }
        } else if (!mailMode.equals("dev")) {
            problems.add(new Problem("iep.mail.mode", "must be 'dev' (the dev mailbox) or 'smtp', was '" + mailMode
                    + "'"));
        }
        Optional<NotifyConfig> sms = Optional.empty();
        String smsMode = s.get("iep.sms.mode", "dev");
        if (smsMode.equals("notify")) {
            try {
                sms = Optional.of(NotifyConfig.from(s.asMap()));
            } catch (InvalidNotifyConfigurationException e) {
                problems.addAll(e.problems());
            }
        } else if (!smsMode.equals("dev")) {
            problems.add(new Problem("iep.sms.mode", "must be 'dev' (the dev mailbox) or 'notify', was '" + smsMode
                    + "'"));
        }
        Optional<Hl7Config> hl7 = Optional.empty();
        if (flag(s, "iep.hl7.enabled", "true", problems)) {
            Map<String, String> hl7Settings = new java.util.HashMap<>(s.asMap());
            if ("0".equals(portText.strip())) {
                hl7Settings.putIfAbsent("iep.hl7.port", "0");
            }
            try {
                hl7 = Optional.of(Hl7Config.from(hl7Settings));
            } catch (InvalidHl7ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        Optional<S3Config> s3 = Optional.empty();
        String blobsMode = s.get("iep.blobs.mode", "filesystem");
        if (blobsMode.equals("s3")) {
            try {
                s3 = Optional.of(S3Config.from(s.asMap()));
            } catch (InvalidS3ConfigurationException e) {
                problems.addAll(e.problems());
            }
        } else if (!blobsMode.equals("filesystem")) {
            problems.add(new Problem("iep.blobs.mode", "must be 'filesystem' or 's3', was '" + blobsMode + "'"));
        }
        boolean behindProxy = flag(s, "iep.http.behindProxy", "false", problems);
        boolean demo = flag(s, "iep.demo", "true", problems);
        Optional<DicomSettings> dicom = Optional.empty();
        if (flag(s, "iep.dicom.enabled", "true", problems)) {
            dicom = Optional.ofNullable(DicomSettings.from(s.asMap(), host, "0".equals(portText.strip()), demo,
                    problems));
        }
        JdbcConfig jdbc = null;
        try {
            jdbc = JdbcConfig.from(jdbcSettings(s, dataDir));
        } catch (InvalidJdbcConfigurationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidAppConfigException(problems);
        }
        Path clients = Path.of(s.get("iep.api.clientsFile", dataDir.resolve("api-clients.properties").toString()));
        return new AppConfig(host, port, behindProxy, publicUrl.replaceAll("/+$", ""), dataDir, jdbc, smtp, sms,
                demo, clients.toAbsolutePath(), hl7, s3, dicom);
    }

    /** Whether any message goes to the dev mailbox instead of a real gateway. */
    public boolean devMailbox() {
        return smtp.isEmpty() || sms.isEmpty();
    }

    /**
     * This configuration once the portal listens on {@code boundPort}: for {@code iep.http.port=0}, the port it was
     * given, which the links then name unless {@code iep.publicUrl} says otherwise.
     */
    public AppConfig listeningOn(int boundPort) {
        if (httpPort != 0) {
            if (boundPort != httpPort) {
                throw new IllegalArgumentException("configured for port " + httpPort + ", not " + boundPort);
            }
            return this;
        }
        String url = publicUrl.equals(defaultUrl(httpHost, 0)) ? defaultUrl(httpHost, boundPort) : publicUrl;
        return new AppConfig(httpHost, boundPort, behindProxy, url, dataDir, jdbc, smtp, sms, demoData,
                apiClientsFile, hl7, s3, dicom);
    }

    private static String defaultUrl(String host, int port) {
        return "http://" + host + ":" + port;
    }

    private static boolean flag(Settings s, String key, String fallback, List<Problem> problems) {
        String v = s.get(key, fallback);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(new Problem(key, "must be true or false, was '" + v + "'"));
        }
        return Boolean.parseBoolean(v);
    }

    private static Map<String, String> jdbcSettings(Settings s, Path dataDir) {
        Map<String, String> jdbc = new HashMap<>();
        s.asMap().forEach((k, v) -> {
            if (k.startsWith("iep.jdbc.")) {
                jdbc.put(k, v);
            }
        });
        // The embedded default: an H2 file under the data directory, speaking the PostgreSQL dialect.
        jdbc.putIfAbsent("iep.jdbc.url", "jdbc:h2:file:" + dataDir.resolve("db").resolve("iep")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        jdbc.putIfAbsent("iep.jdbc.user", "iep");
        jdbc.putIfAbsent("iep.jdbc.password", "");
        return jdbc;
    }
}
