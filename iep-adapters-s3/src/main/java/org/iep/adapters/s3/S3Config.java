package org.iep.adapters.s3;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iep.api.Problem;
import org.iep.api.Secret;

/**
 * Where blobs go. {@link #from(Map)} reads the {@code iep.s3.*} keys and reports every problem at once.
 *
 * @param endpoint the S3 API's base URL (for AWS, {@code https://s3.<region>.amazonaws.com})
 * @param pathStyle {@code https://host/bucket/key} addressing, which most S3-compatible stores need
 * @param prefix a key prefix inside the bucket, so several deployments can share one (may be empty)
 * @param partSize bytes per multipart part, also the largest blob sent in one request and the heap used per put
 *                 (at least 5 MiB, the S3 minimum)
 * @param encryption server-side encryption asked for every object: empty (the bucket's default), {@code AES256}
 *                   or {@code aws:kms}
 * @param kmsKeyId the KMS key for {@code aws:kms}; empty for the account's default key
 */
public record S3Config(URI endpoint, String region, String bucket, String accessKey, Secret secretKey,
                       boolean pathStyle, String prefix, int partSize, Duration timeout, String encryption,
                       String kmsKeyId) {
    public static final int MIN_PART = 5 * 1024 * 1024;
    public static final int DEFAULT_PART = 8 * 1024 * 1024;

    public S3Config {
        List<Problem> p = new ArrayList<>();
        if (endpoint == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getHost() == null) {
            p.add(new Problem("iep.s3.endpoint", "must be an http(s) URL such as https://s3.eu-west-2.amazonaws.com"));
        }
        if (region == null || region.isBlank()) {
            p.add(new Problem("iep.s3.region", "is required (any value for stores without regions, e.g. us-east-1)"));
        }
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            p.add(new Problem("iep.s3.bucket", "must be a bucket name (3-63 of a-z, 0-9, '.', '-')"));
        }
        if (accessKey == null || accessKey.isBlank()) {
            p.add(new Problem("iep.s3.accessKey", "is required"));
        }
        if (secretKey == null || secretKey.isEmpty()) {
            p.add(new Problem("iep.s3.secretKey", "is required"));
        }
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        if (partSize < MIN_PART || partSize > 512 * 1024 * 1024) {
            p.add(new Problem("iep.s3.partSize", "must be between 5 MiB and 512 MiB"));
        }
        if (timeout == null || timeout.toMillis() < 1000 || timeout.compareTo(Duration.ofMinutes(30)) > 0) {
            p.add(new Problem("iep.s3.timeout", "must be between 1 second and 30 minutes"));
        }
        encryption = encryption == null ? "" : encryption.strip();
        kmsKeyId = kmsKeyId == null ? "" : kmsKeyId.strip();
        if (!encryption.isEmpty() && !encryption.equals("AES256") && !encryption.equals("aws:kms")) {
            p.add(new Problem("iep.s3.encryption", "must be empty, AES256 or aws:kms"));
        }
        if (!kmsKeyId.isEmpty() && !encryption.equals("aws:kms")) {
            p.add(new Problem("iep.s3.kmsKeyId", "only applies with iep.s3.encryption=aws:kms"));
        }
        if (!p.isEmpty()) {
            throw new InvalidS3ConfigurationException(p);
        }
    }

    /** Without server-side encryption settings (the bucket's default applies). */
    public S3Config(URI endpoint, String region, String bucket, String accessKey, Secret secretKey, boolean pathStyle,
                    String prefix, int partSize, Duration timeout) {
        this(endpoint, region, bucket, accessKey, secretKey, pathStyle, prefix, partSize, timeout, "", "");
    }

    /**
     * Reads {@code iep.s3.endpoint}, {@code region} (default us-east-1), {@code bucket}, {@code accessKey},
     * {@code secretKey}, {@code pathStyle} (default true), {@code prefix} (default empty), {@code partSize} (bytes,
     * default 8 MiB), {@code timeout} (ISO-8601, default PT2M), {@code encryption} and {@code kmsKeyId}.
     */
    public static S3Config from(Map<String, String> s) {
        List<Problem> p = new ArrayList<>();
        URI endpoint = null;
        try {
            endpoint = URI.create(s.getOrDefault("iep.s3.endpoint", "").strip());
        } catch (IllegalArgumentException e) {
            p.add(new Problem("iep.s3.endpoint", "is not a URL"));
        }
        int part = DEFAULT_PART;
        try {
            part = Integer.parseInt(s.getOrDefault("iep.s3.partSize", String.valueOf(DEFAULT_PART)).strip());
        } catch (NumberFormatException e) {
            p.add(new Problem("iep.s3.partSize", "must be a number of bytes"));
        }
        Duration timeout = Duration.ofMinutes(2);
        try {
            timeout = Duration.parse(s.getOrDefault("iep.s3.timeout", "PT2M").strip());
        } catch (DateTimeParseException e) {
            p.add(new Problem("iep.s3.timeout", "must be an ISO-8601 duration such as PT2M"));
        }
        String pathStyle = s.getOrDefault("iep.s3.pathStyle", "true").strip();
        if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
            p.add(new Problem("iep.s3.pathStyle", "must be true or false"));
        }
        try {
            S3Config c = new S3Config(endpoint, s.getOrDefault("iep.s3.region", "us-east-1").strip(),
                    s.getOrDefault("iep.s3.bucket", "").strip(), s.getOrDefault("iep.s3.accessKey", "").strip(),
                    Secret.of(s.getOrDefault("iep.s3.secretKey", "")), Boolean.parseBoolean(pathStyle),
                    s.getOrDefault("iep.s3.prefix", ""), part, timeout, s.getOrDefault("iep.s3.encryption", ""),
                    s.getOrDefault("iep.s3.kmsKeyId", ""));
            if (p.isEmpty()) {
                return c;
            }
        } catch (InvalidS3ConfigurationException e) {
            // a field already reported above (an unparsable value) is not reported twice
            e.problems().stream().filter(q -> p.stream().noneMatch(x -> x.field().equals(q.field())))
                    .forEach(p::add);
        }
        throw new InvalidS3ConfigurationException(p);
    }
}
