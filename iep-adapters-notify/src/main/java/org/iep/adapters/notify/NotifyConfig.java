package org.iep.adapters.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iep.api.Problem;
import org.iep.api.Secret;

/**
 * GOV.UK Notify settings: the API key (a {@link Secret}), the base URL (the public service by default; a test
 * server's in tests), the ID of a text-message template whose whole body is {@code ((message))}, an optional SMS
 * sender ID, and the most messages to send per minute (Notify allows 3,000). {@link #from(Map)} reports every
 * problem at once.
 */
public record NotifyConfig(Secret apiKey, String baseUrl, String templateId, String smsSenderId, int perMinute) {
    public static final String PUBLIC_BASE_URL = "https://api.notifications.service.gov.uk";
    /** key name, service UUID, secret UUID, joined by hyphens (what the Notify client parses). */
    private static final Pattern API_KEY = Pattern.compile(".+-[0-9a-f-]{36}-[0-9a-f-]{36}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public NotifyConfig {
        List<Problem> problems = new ArrayList<>();
        if (apiKey == null || !API_KEY.matcher(apiKey.reveal()).matches()) {
            problems.add(new Problem("iep.notify.apiKey", "must be a GOV.UK Notify API key (name-serviceId-secret)"));
        }
        baseUrl = baseUrl == null || baseUrl.isBlank() ? PUBLIC_BASE_URL : baseUrl.replaceAll("/+$", "");
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://127.0.0.1")
                && !baseUrl.startsWith("http://localhost")) {
            problems.add(new Problem("iep.notify.baseUrl", "must be an https URL (plain http only to this host)"));
        }
        if (templateId == null || !UUID.matcher(templateId).matches()) {
            problems.add(new Problem("iep.notify.templateId", "must be the UUID of a text-message template"));
        }
        smsSenderId = smsSenderId == null ? "" : smsSenderId;
        if (!smsSenderId.isEmpty() && !UUID.matcher(smsSenderId).matches()) {
            problems.add(new Problem("iep.notify.smsSenderId", "must be a UUID when set"));
        }
        if (perMinute < 1 || perMinute > 3000) {
            problems.add(new Problem("iep.notify.perMinute", "must be between 1 and 3000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNotifyConfigurationException(problems);
        }
    }

    /** Reads {@code iep.notify.apiKey}, {@code baseUrl}, {@code templateId}, {@code smsSenderId}, {@code perMinute}. */
    public static NotifyConfig from(Map<String, String> s) {
        List<Problem> problems = new ArrayList<>();
        int perMinute = 3000;
        String rate = s.get("iep.notify.perMinute");
        if (rate != null) {
            try {
                perMinute = Integer.parseInt(rate.strip());
            } catch (NumberFormatException e) {
                problems.add(new Problem("iep.notify.perMinute", "must be a whole number"));
            }
        }
        String key = s.get("iep.notify.apiKey");
        try {
            NotifyConfig c = new NotifyConfig(key == null ? null : Secret.of(key.strip()), s.get("iep.notify.baseUrl"),
                    s.get("iep.notify.templateId"), s.get("iep.notify.smsSenderId"), perMinute);
            if (problems.isEmpty()) {
                return c;
            }
        } catch (InvalidNotifyConfigurationException e) {
            problems.addAll(0, e.problems());
        }
        throw new InvalidNotifyConfigurationException(problems);
    }
}
