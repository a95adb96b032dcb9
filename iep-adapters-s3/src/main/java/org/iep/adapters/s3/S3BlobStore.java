package org.iep.adapters.s3;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;
import org.iep.api.NotFoundException;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link BlobStore} on an S3-compatible object store. A blob lives in the object {@code <prefix>/b/<key>/=} with
 * its SHA-256 in the object's metadata: the trailing {@code /=} keeps a key that is also a prefix of others (the port
 * allows {@code a/b} beside {@code a/b/c}) from clashing as file and directory on stores with a file-system backend
 * (MinIO in FS mode, S3Proxy), and makes a segment-bounded prefix a plain S3 prefix. A blob up to one part is sent in
 * one PUT with its Content-MD5, so the store checks it on receipt; a larger one streams as a multipart upload (a
 * part or two in memory at a time) to a staging key under {@code <prefix>/s/}, each part with its Content-MD5, and
 * only then is copied in one server-side request to its final key with the SHA-256 computed on the way — the moment
 * it becomes visible, whole. Any failure aborts the upload and deletes the staging object, so nothing partial is ever
 * visible. Thread-safe.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);
    static final String SHA256 = "iep-sha256";
    private static final String LEAF = "/=";
    /** S3's limit for a single-request copy; larger blobs are copied part by part. */
    private static final long SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final S3Config config;
    private final String root;
    private final String blobs;
    private final String staging;

    public S3BlobStore(S3Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.s3 = S3Client.builder()
                .endpointOverride(config.endpoint())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(),
                        config.secretKey().reveal())))
                .forcePathStyle(config.pathStyle())
                // many S3-compatible stores reject the SDK's newer default checksums; Content-MD5 is universal
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(config.timeout())
                        .socketTimeout(config.timeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(config.timeout().multipliedBy(10)))
                .build();
        this.root = config.prefix().isEmpty() ? "" : config.prefix() + "/";
        this.blobs = root + "b/";
        this.staging = root + "s/";
    }

    private String object(BlobKey key) {
        return blobs + key.value() + LEAF;
    }

    /** Checks that the bucket exists and the credentials work; call at start to fail early. */
    public void check() {
        call(() -> s3.headBucket(b -> b.bucket(config.bucket())), "checking the bucket");
    }

    @Override
    public BlobInfo put(BlobKey key, InputStream content) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        MessageDigest sha = sha256();
        byte[] first = readPart(content, config.partSize());
        sha.update(first);
        if (first.length < config.partSize()) {
            String hex = HexFormat.of().formatHex(sha.digest());
            call(() -> s3.putObject(r -> encrypt(r.bucket(config.bucket()).key(object(key))
                    .contentMD5(md5(first)).metadata(Map.of(SHA256, hex))), RequestBody.fromBytes(first)),
                    "storing " + key);
            return new BlobInfo(key, first.length, hex);
        }
        return multipart(key, content, first, sha);
    }

    private BlobInfo multipart(BlobKey key, InputStream content, byte[] first, MessageDigest sha) {
        String temp = staging + UUID.randomUUID();
        String upload = call(() -> s3.createMultipartUpload(r -> encrypt(r.bucket(config.bucket()).key(temp))),
                "starting the upload of " + key).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            byte[] part = first;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] bytes = part;
                String etag = call(() -> s3.uploadPart(r -> r.bucket(config.bucket()).key(temp).uploadId(upload)
                        .partNumber(number).contentMD5(md5(bytes)), RequestBody.fromBytes(bytes)),
                        "sending part " + number + " of " + key).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                size += part.length;
                part = readPart(content, config.partSize());
                sha.update(part);
            }
            call(() -> s3.completeMultipartUpload(r -> r.bucket(config.bucket()).key(temp).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts))), "completing the upload of " + key);
            completed = true;
            long stored = call(() -> s3.headObject(r -> r.bucket(config.bucket()).key(temp)), "checking " + key)
                    .contentLength();
            if (stored != size) {
                throw new S3Exception(S3ErrorCode.INTEGRITY, key + ": the store holds " + stored + " bytes, "
                        + size + " were sent", true, null);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            publish(temp, object(key), size, hex);
            return new BlobInfo(key, size, hex);
        } catch (RuntimeException e) {
            if (!completed) {
                quietly(() -> s3.abortMultipartUpload(r -> r.bucket(config.bucket()).key(temp).uploadId(upload)), e);
            }
            throw e;
        } finally {
            if (completed) {
                quietly(() -> s3.deleteObject(r -> r.bucket(config.bucket()).key(temp)), null);
            }
        }
    }

    /** Copies the staged object to its key with the digest as metadata: visible whole, at once. */
    private void publish(String from, String to, long size, String sha256) {
        if (size <= SINGLE_COPY) {
            call(() -> s3.copyObject(r -> encrypt(r.sourceBucket(config.bucket()).sourceKey(from)
                    .destinationBucket(config.bucket()).destinationKey(to)
                    .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of(SHA256, sha256)))),
                    "publishing " + to);
            return;
        }
        String upload = call(() -> s3.createMultipartUpload(r -> encrypt(r.bucket(config.bucket()).key(to)
                .metadata(Map.of(SHA256, sha256)))), "publishing " + to).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long partSize = 1024L * 1024 * 1024;
            for (long start = 0; start < size; start += partSize) {
                int number = parts.size() + 1;
                String range = "bytes=" + start + "-" + (Math.min(size, start + partSize) - 1);
                String etag = call(() -> s3.uploadPartCopy(r -> r.sourceBucket(config.bucket()).sourceKey(from)
                        .destinationBucket(config.bucket()).destinationKey(to).uploadId(upload).partNumber(number)
                        .copySourceRange(range)), "publishing " + to).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            call(() -> s3.completeMultipartUpload(r -> r.bucket(config.bucket()).key(to).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts))), "publishing " + to);
        } catch (RuntimeException e) {
            quietly(() -> s3.abortMultipartUpload(r -> r.bucket(config.bucket()).key(to).uploadId(upload)), e);
            throw e;
        }
    }

    @Override
    public Optional<BlobInfo> stat(BlobKey key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(config.bucket()).key(object(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                return Optional.empty();
            }
            throw translate(e, "reading " + key);
        } catch (SdkException e) {
            throw translate(e, "reading " + key);
        }
        String sha = head.metadata().get(SHA256);
        if (sha == null) {
            // put there by other means: hash it once, as the port promises a digest
            sha = digest(open(key, ByteRange.ALL));
        }
        return Optional.of(new BlobInfo(key, head.contentLength(), sha));
    }

    @Override
    public InputStream open(BlobKey key, ByteRange range) {
        Objects.requireNonNull(range, "range");
        String header = "bytes=" + range.offset() + "-"
                + (range.length() == ByteRange.TO_END ? "" : String.valueOf(range.offset() + range.length() - 1));
        boolean whole = range.offset() == 0 && range.length() == ByteRange.TO_END;
        if (range.length() == 0) {
            stat(key).orElseThrow(() -> new NotFoundException("Blob " + key));
            return InputStream.nullInputStream();
        }
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> {
                r.bucket(config.bucket()).key(object(key));
                if (!whole) {
                    r.range(header);
                }
            });
            return in;
        } catch (NoSuchKeyException e) {
            throw new NotFoundException("Blob " + key);
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 416) {
                // some stores refuse a range that runs past the end instead of cutting it: cut it here
                BlobInfo info = stat(key).orElseThrow(() -> new NotFoundException("Blob " + key));
                if (range.offset() >= info.size()) {
                    return InputStream.nullInputStream();
                }
                return open(key, new ByteRange(range.offset(), info.size() - range.offset()));
            }
            if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                throw new NotFoundException("Blob " + key);
            }
            throw translate(e, "reading " + key);
        } catch (SdkException e) {
            throw translate(e, "reading " + key);
        }
    }

    @Override
    public boolean delete(BlobKey key) {
        boolean existed = exists(key);
        call(() -> s3.deleteObject(r -> r.bucket(config.bucket()).key(object(key))), "deleting " + key);
        return existed;
    }

    /** A bare HEAD: an object IEP did not write (no SHA-256 metadata) still exists. */
    private boolean exists(BlobKey key) {
        try {
            s3.headObject(r -> r.bucket(config.bucket()).key(object(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                return false;
            }
            throw translate(e, "checking " + key);
        } catch (SdkException e) {
            throw translate(e, "checking " + key);
        }
    }

    @Override
    public long deleteAll(BlobKey prefix) {
        List<BlobKey> keys = list(prefix);
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(object(k)).build()).toList();
            var answer = call(() -> s3.deleteObjects(r -> r.bucket(config.bucket())
                    .delete(Delete.builder().objects(batch).quiet(true).build())), "deleting under " + prefix);
            if (answer.hasErrors() && !answer.errors().isEmpty()) {
                throw new S3Exception(S3ErrorCode.UNAVAILABLE, "deleting under " + prefix + " failed for "
                        + answer.errors().size() + " objects, first: " + answer.errors().get(0).message(), true,
                        null);
            }
        }
        return keys.size();
    }

    @Override
    public List<BlobKey> list(BlobKey prefix) {
        List<BlobKey> out = new ArrayList<>();
        for (String p : List.of(object(prefix), blobs + prefix.value() + "/")) {
            for (S3Object o : call(() -> s3.listObjectsV2Paginator(r -> r.bucket(config.bucket()).prefix(p))
                    .contents(), "listing " + prefix)) {
                String key = o.key();
                if (key.endsWith(LEAF) && (p.endsWith("/") || key.equals(p))) {
                    BlobKey k = new BlobKey(key.substring(blobs.length(), key.length() - LEAF.length()));
                    if (!k.equals(prefix) || key.equals(p)) {
                        out.add(k);
                    }
                }
            }
        }
        // the port lists in the keys' own lexical order, which the encoded names do not keep
        return out.stream().distinct().sorted(java.util.Comparator.comparing(BlobKey::value)).toList();
    }

    @Override
    public void close() {
        s3.close();
    }

    /**
     * Removes what uploads that died with their process left: multipart uploads (to staging or, above 5 GiB, to a
     * final key) started more than {@code olderThan} ago are aborted, and staging objects older than that deleted.
     * Safe while other puts run, as long as {@code olderThan} exceeds the longest upload (a day by default in
     * deployments). Returns how many uploads and objects were removed.
     */
    public int sweep(Duration olderThan) {
        Instant cutoff = Instant.now().minus(olderThan);
        int removed = 0;
        // only IEP's own areas: with an empty prefix the bucket may hold other applications' uploads
        for (String area : List.of(blobs, staging)) {
            removed += abortStale(area, cutoff);
        }
        List<ObjectIdentifier> stale = new ArrayList<>();
        for (S3Object o : call(() -> s3.listObjectsV2Paginator(r -> r.bucket(config.bucket()).prefix(staging))
                .contents(), "listing staging objects")) {
            if (o.lastModified().isBefore(cutoff)) {
                stale.add(ObjectIdentifier.builder().key(o.key()).build());
            }
        }
        for (int from = 0; from < stale.size(); from += 1000) {
            List<ObjectIdentifier> batch = stale.subList(from, Math.min(stale.size(), from + 1000));
            call(() -> s3.deleteObjects(r -> r.bucket(config.bucket()).delete(Delete.builder().objects(batch)
                    .quiet(true).build())), "deleting staging objects");
        }
        return removed + stale.size();
    }

    private int abortStale(String area, Instant cutoff) {
        int removed = 0;
        String keyMarker = null;
        String idMarker = null;
        do {
            String km = keyMarker;
            String im = idMarker;
            var page = call(() -> s3.listMultipartUploads(r -> r.bucket(config.bucket()).prefix(area)
                    .keyMarker(km).uploadIdMarker(im)), "listing unfinished uploads");
            for (MultipartUpload u : page.uploads()) {
                if (u.initiated().isBefore(cutoff)) {
                    call(() -> s3.abortMultipartUpload(r -> r.bucket(config.bucket()).key(u.key())
                            .uploadId(u.uploadId())), "aborting a stale upload");
                    removed++;
                }
            }
            keyMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextKeyMarker() : null;
            idMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextUploadIdMarker() : null;
        } while (keyMarker != null);
        return removed;
    }

    private PutObjectRequest.Builder encrypt(PutObjectRequest.Builder r) {
        if (!config.encryption().isEmpty()) {
            r.serverSideEncryption(config.encryption());
            if (!config.kmsKeyId().isEmpty()) {
                r.ssekmsKeyId(config.kmsKeyId());
            }
        }
        return r;
    }

    private CreateMultipartUploadRequest.Builder encrypt(CreateMultipartUploadRequest.Builder r) {
        if (!config.encryption().isEmpty()) {
            r.serverSideEncryption(config.encryption());
            if (!config.kmsKeyId().isEmpty()) {
                r.ssekmsKeyId(config.kmsKeyId());
            }
        }
        return r;
    }

    private CopyObjectRequest.Builder encrypt(CopyObjectRequest.Builder r) {
        if (!config.encryption().isEmpty()) {
            r.serverSideEncryption(config.encryption());
            if (!config.kmsKeyId().isEmpty()) {
                r.ssekmsKeyId(config.kmsKeyId());
            }
        }
        return r;
    }

    private static byte[] readPart(InputStream in, int size) {
        try {
            return in.readNBytes(size);
        } catch (IOException e) {
            throw new S3Exception(S3ErrorCode.INPUT_FAILED, "reading the content to store failed: "
                    + e.getMessage(), false, e);
        }
    }

    private <T> T call(java.util.function.Supplier<T> request, String what) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(e, what);
        }
    }

    private static void quietly(Runnable cleanup, Exception cause) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.warn("S3 cleanup failed ({}); sweep() removes leftovers", e.getMessage());
            }
        }
    }

    private S3Exception translate(SdkException e, String what) {
        if (e instanceof NoSuchBucketException) {
            return new S3Exception(S3ErrorCode.BUCKET_MISSING, what + ": bucket " + config.bucket()
                    + " does not exist", false, e);
        }
        if (e instanceof software.amazon.awssdk.services.s3.model.S3Exception s) {
            int status = s.statusCode();
            String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
            if ("NoSuchBucket".equals(code)) {
                return new S3Exception(S3ErrorCode.BUCKET_MISSING, what + ": bucket " + config.bucket()
                        + " does not exist", false, e);
            }
            if (status == 403 || status == 401) {
                return new S3Exception(S3ErrorCode.ACCESS_DENIED, what + ": access denied (" + code + ")", false, e);
            }
            if (status == 400 && ("BadDigest".equals(code) || "InvalidDigest".equals(code))) {
                return new S3Exception(S3ErrorCode.INTEGRITY, what + ": the store received other bytes than were"
                        + " sent", true, e);
            }
            return new S3Exception(S3ErrorCode.UNAVAILABLE, what + " failed (HTTP " + status + " " + code + ")",
                    status >= 500 || status == 429, e);
        }
        if (refusesOurCredentials()) {
            return new S3Exception(S3ErrorCode.ACCESS_DENIED, what + ": access denied (the store dropped the"
                    + " request; a bucket check with the same credentials is refused)", false, e);
        }
        return new S3Exception(S3ErrorCode.UNAVAILABLE, what + " failed: " + e.getMessage(), true, e);
    }

    /**
     * A store may answer 403 before reading a request's body and close the connection, so the client sees a reset
     * instead of the refusal. One HEAD of the bucket tells a credentials problem (not worth retrying) from an outage.
     */
    private boolean refusesOurCredentials() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception probe) {
            return probe.statusCode() == 403 || probe.statusCode() == 401;
        } catch (SdkException probe) {
            return false;
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(InputStream in) {
        MessageDigest sha = sha256();
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new S3Exception(S3ErrorCode.UNAVAILABLE, "reading a blob to hash it failed", true, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
