package org.iep.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.iep.api.Problem;

/**
 * The portal's settings as {@code iep.*} keys, layered: an optional properties file, then environment variables
 * (the key upper-cased with dots as underscores: {@code iep.http.port} ← {@code IEP_HTTP_PORT}), then
 * {@code -Diep.*} system properties. Later layers win. Immutable.
 */
public final class Settings {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|apikey|key)$");
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /**
     * Reads {@code file} (when not null), then the environment and system properties over it, for the keys of
     * {@code known} plus any {@code iep.*} key present in a layer.
     */
    public static Settings load(Path file, Map<String, String> env, Properties system, List<String> known) {
        Map<String, String> merged = new TreeMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new InvalidAppConfigException(List.of(new Problem("config", "cannot read " + file + ": "
                        + e.getClass().getSimpleName())));
            }
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k).trim()));
        }
        for (String key : known) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                merged.put(key, fromEnv.trim());
            }
        }
        system.stringPropertyNames().stream().filter(k -> k.startsWith("iep."))
                .forEach(k -> merged.put(k, system.getProperty(k).trim()));
        return new Settings(merged);
    }

    /** {@code iep.jdbc.poolSize} → {@code IEP_JDBC_POOLSIZE}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** For the start-up log: secrets replaced by {@code ***}. */
    public Map<String, String> redacted() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, SECRET.matcher(k).matches() || k.endsWith(".url") && v.contains("password")
                ? "***" : v));
        return out;
    }
}
