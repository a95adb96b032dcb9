package org.iep.app.rest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The institutions' systems allowed to call the REST API. Each client acts as one IEP user (its institution and
 * roles come from that user) and holds one key {@code iep_<client>_<43 random characters>}; only the key's SHA-256
 * is kept, in a properties file ({@code <client>=<user e-mail>,<sha256 hex>}) that operators provision like any
 * other secret-bearing configuration. Keys are compared in constant time. Immutable; thread-safe.
 */
public final class ApiClients {
    private static final Pattern KEY = Pattern.compile("iep_([a-z0-9-]{1,40})_([A-Za-z0-9_-]{43})");
    private static final Pattern CLIENT = Pattern.compile("[a-z0-9-]{1,40}");

    /** One provisioned client. */
    public record Client(String id, String userEmail, byte[] keyHash) {
    }

    private final Map<String, Client> clients;

    private ApiClients(Map<String, Client> clients) {
        this.clients = Map.copyOf(clients);
    }

    public static ApiClients none() {
        return new ApiClients(Map.of());
    }

    /** Reads the clients file; a missing file means no clients. Malformed lines are refused with their key. */
    public static ApiClients load(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API clients file " + file, e);
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        for (String id : p.stringPropertyNames()) {
            String[] parts = p.getProperty(id).split(",");
            if (!CLIENT.matcher(id).matches() || parts.length != 2 || !parts[1].strip().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("API clients file " + file + ": the entry '" + id + "' must read"
                        + " <client>=<user e-mail>,<sha256 hex of the key> with a client name of a-z, 0-9 and '-'");
            }
            clients.put(id, new Client(id, parts[0].strip(), HexFormat.of().parseHex(parts[1].strip())));
        }
        return new ApiClients(clients);
    }

    /** The client a presented key belongs to, if it is exactly one of the provisioned keys. */
    public Optional<Client> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(presented);
        if (!m.matches()) {
            return Optional.empty();
        }
        Client c = clients.get(m.group(1));
        byte[] hash = sha256(presented);
        // compare even for an unknown client, so timing does not tell which client names exist
        byte[] expected = c == null ? new byte[32] : c.keyHash();
        return MessageDigest.isEqual(hash, expected) && c != null ? Optional.of(c) : Optional.empty();
    }

    /** A new key for {@code client} and the file line that provisions it (the key itself is shown only once). */
    public static NewKey newKey(String client, String userEmail, SecureRandom random) {
        if (!CLIENT.matcher(client).matches()) {
            throw new IllegalArgumentException("client names are 1-40 characters of a-z, 0-9 and '-'");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "iep_" + client + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(key, client + "=" + userEmail + "," + HexFormat.of().formatHex(sha256(key)));
    }

    /** A key and its provisioning line. */
    public record NewKey(String key, String fileLine) {
        @Override
        public String toString() {
            return "NewKey[" + fileLine + "]";
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
