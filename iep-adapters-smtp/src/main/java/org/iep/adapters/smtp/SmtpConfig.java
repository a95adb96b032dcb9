package org.iep.adapters.smtp;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.iep.api.Problem;
import org.iep.api.Secret;

/**
 * Where and how to send e-mail. {@link #from(Map)} reads the {@code iep.smtp.*} keys and reports every problem at
 * once. {@code trustedHosts} (space-separated) are trusted without certificate checks — only for test servers
 * with self-signed certificates; production relays are checked against the JVM's trust store.
 */
public record SmtpConfig(String host, int port, SmtpSecurity security, String user, Secret password,
                         String fromAddress, String fromName, Duration timeout, String trustedHosts) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public SmtpConfig {
        List<Problem> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add(new Problem("iep.smtp.host", "is required"));
        }
        if (port < 1 || port > 65535) {
            problems.add(new Problem("iep.smtp.port", "must be between 1 and 65535"));
        }
        if (security == null) {
            problems.add(new Problem("iep.smtp.security", "must be STARTTLS, SMTPS or NONE"));
        }
        user = user == null ? "" : user;
        password = password == null ? Secret.of("") : password;
        if (!user.isEmpty() && password.isEmpty()) {
            problems.add(new Problem("iep.smtp.password", "is required when iep.smtp.user is set"));
        }
        if (fromAddress == null || !EMAIL.matcher(fromAddress).matches()) {
            problems.add(new Problem("iep.smtp.from", "must be an e-mail address such as imaging@hospital.nhs.uk"));
        }
        fromName = fromName == null ? "" : fromName;
        if (timeout == null || timeout.toMillis() < 1000 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.add(new Problem("iep.smtp.timeout", "must be between 1 second and 5 minutes"));
        }
        trustedHosts = trustedHosts == null ? "" : trustedHosts.strip();
        if (!problems.isEmpty()) {
            throw new InvalidSmtpConfigurationException(problems);
        }
    }

    /**
     * Reads {@code iep.smtp.host}, {@code port} (default 587, or 465 for SMTPS), {@code security} (default
     * STARTTLS), {@code user}, {@code password}, {@code from}, {@code fromName}, {@code timeout} (ISO-8601, default
     * PT30S) and {@code trustedHosts}.
     */
    public static SmtpConfig from(Map<String, String> s) {
        List<Problem> problems = new ArrayList<>();
        SmtpSecurity security = SmtpSecurity.STARTTLS;
        String sec = s.get("iep.smtp.security");
        if (sec != null) {
            try {
                security = SmtpSecurity.valueOf(sec.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("iep.smtp.security", "must be STARTTLS, SMTPS or NONE, was '" + sec + "'"));
            }
        }
        int port = security == SmtpSecurity.SMTPS ? 465 : 587;
        String p = s.get("iep.smtp.port");
        if (p != null) {
            try {
                port = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                problems.add(new Problem("iep.smtp.port", "must be a port number, was '" + p + "'"));
            }
        }
        Duration timeout = Duration.ofSeconds(30);
        String t = s.get("iep.smtp.timeout");
        if (t != null) {
            try {
                timeout = Duration.parse(t.strip());
            } catch (DateTimeParseException e) {
                problems.add(new Problem("iep.smtp.timeout", "must be an ISO-8601 duration such as PT30S"));
            }
        }
        String password = s.get("iep.smtp.password");
        try {
            SmtpConfig config = new SmtpConfig(s.get("iep.smtp.host"), port, security, s.get("iep.smtp.user"),
                    password == null ? null : Secret.of(password), s.get("iep.smtp.from"), s.get("iep.smtp.fromName"),
                    timeout, s.get("iep.smtp.trustedHosts"));
            if (problems.isEmpty()) {
                return config;
            }
        } catch (InvalidSmtpConfigurationException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidSmtpConfigurationException(problems);
    }
}
