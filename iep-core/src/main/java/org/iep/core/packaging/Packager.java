package org.iep.core.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Institution;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.core.packaging.PackageStreams.Counting;
import org.iep.core.packaging.PackageStreams.Fork;
import org.iep.core.packaging.PackageStreams.Skipping;
import org.iep.core.packaging.PackageStreams.Tee;
import org.iep.core.report.Reports;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dicomdir.DicomDirEntry;
import org.iep.dicom.dicomdir.DicomDirWriter;
import org.iep.dicom.io.DicomReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a transaction's package: README.TXT and IHE_PDI/INDEX.HTM first (the first bytes leave at once), then
 * each instance from the blob store under {@code DICOM/STnnnnnn/SEnnnnnn/IMnnnnnn}, then the DICOMDIR built from
 * the headers read on the way, then the reports. Memory holds a copy buffer, the first package's read-ahead
 * buffers ({@link ReadAhead}, 16 MiB at most) and the directory's records (a few keys per instance, not headers),
 * never a study. Without a password the bytes depend only on the content, so {@code skip} resumes a download; a
 * SHA-256, when the result has one, is of the whole package either way. Thread-safe.
 */
public final class Packager {
    private static final int BUFFER = 256 * 1024;
    /** Files up to this size are read once, into memory; larger ones twice (CRC ahead, then the copy). */
    static final int WHOLE = 8 << 20;
    private static final int MAX_INLINE_TEXT = 256 * 1024;
    /** Changes whenever the package layout changes, so old manifests are never used for new bytes. */
    private static final String FORMAT = "pdi-2";
    private static final Logger LOG = LoggerFactory.getLogger(Packager.class);
    private final InstanceIndex index;
    private final BlobStore blobs;
    private final DirectoryStore directory;
    private final int wholeFileLimit;

    public Packager(InstanceIndex index, BlobStore blobs, DirectoryStore directory) {
        this(index, blobs, directory, WHOLE);
    }

    /** With another limit for files read whole, so tests can take the large-file path with small files. */
    Packager(InstanceIndex index, BlobStore blobs, DirectoryStore directory, int wholeFileLimit) {
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.wholeFileLimit = wholeFileLimit;
    }

    /**
     * Writes the package to {@code out} (not closed), leaving out its first {@code skip} bytes. README.TXT and
     * INDEX.HTM leave before the instances are even listed, so the first bytes go at once. A content packaged
     * before ({@link PackageManifest}) streams as a plain copy with its known length and SHA-256. The first plain
     * package of a content is not hashed on the way (one SHA-256 is slower than reading the files): its result has
     * no SHA-256, which {@link #measure} or {@link PackagePreparation#hashLater} supplies. An AES package is hashed
     * on a second thread while it streams, as its bytes cannot be made again.
     *
     * @param password empty for a plain zip; else AES-256 (then {@code skip} must be 0)
     */
    public PackageResult write(Transaction t, PackageScope scope, Optional<char[]> password, long skip,
                               OutputStream out) {
        return write(t, scope, password, skip, out, password.isPresent());
    }

    private PackageResult write(Transaction t, PackageScope scope, Optional<char[]> password, long skip,
                                OutputStream out, boolean hash) {
        if (skip < 0 || skip > 0 && password.isPresent()) {
            throw new InvalidInputException(List.of(new Problem("range", skip < 0 ? "must not be negative"
                    : "a password-protected package cannot be resumed; download it again from the start")));
        }
        boolean known = scope.seriesInstanceUid().isEmpty() && t.studies().stream()
                .filter(s -> scope.studyInstanceUid().map(s.studyInstanceUid()::equals).orElse(true))
                .anyMatch(s -> s.receivedInstances() > 0);
        List<IndexedInstance> listedFirst = known ? null : instances(t, scope);
        Head head = head(t, scope);
        Counting counting = new Counting(new Skipping(out, skip));
        Fork fork = new Fork(counting, hash ? new ParallelSha256() : null);
        LocalDateTime time = LocalDateTime.ofInstant(t.created(), ZoneOffset.UTC).withNano(0);
        ReadAhead ahead = null;
        try (ZipSink zip = password.isPresent()
                ? new AesZipSink(fork, password.get(), t.created().toEpochMilli())
                : new StoredZipSink(fork, time)) {
            entry(zip, "README.TXT", head.readme());
            entry(zip, "IHE_PDI/INDEX.HTM", head.index());
            out.flush();
            List<IndexedInstance> instances = listedFirst != null ? listedFirst : instances(t, scope);
            String fingerprint = fingerprint(t, head, instances);
            BlobKey manifestKey = PackageManifest.key(t.id().value(), fingerprint);
            Optional<PackageManifest> manifest = password.isPresent() ? Optional.empty()
                    : PackageManifest.load(blobs, manifestKey);
            if (manifest.isPresent()) {
                fork.stopHashing(); // the same content was packaged before: its hash is known
            }
            // File-set ID: the tracking number, which fits CS (16 characters, upper case and digits)
            DicomDirWriter.Incremental directory = new DicomDirWriter(t.tracking().value()).incremental();
            FileIds ids = new FileIds();
            byte[] buffer = new byte[BUFFER];
            long[] crcs = new long[instances.size() + head.reports().size()];
            ahead = manifest.isPresent() ? null : readAhead(t, instances, head.reports());
            int n = 0;
            for (IndexedInstance i : instances) {
                List<String> fileId = ids.next(i);
                String name = String.join("/", fileId);
                if (manifest.isPresent()) {
                    crcs[n] = manifest.get().crcs()[n];
                    zip.begin(name, false, i.size(), crcs[n++]);
                    try (InputStream in = blobs.open(i.blob(), ByteRange.ALL)) {
                        copy(in, zip.body(), buffer);
                    }
                    zip.end();
                    continue;
                }
                ReadAhead.Entry e = ahead.next();
                Attributes header;
                try {
                    crcs[n] = e.crc();
                    zip.begin(name, false, i.size(), crcs[n++]);
                    if (e.bytes() != null) {
                        header = header(i, new java.io.ByteArrayInputStream(e.bytes(), 0, e.length()));
                        zip.body().write(e.bytes(), 0, e.length());
                    } else {
                        try (InputStream in = blobs.open(i.blob(), ByteRange.ALL)) {
                            Tee tee = new Tee(in, zip.body());
                            header = header(i, tee);
                            drain(tee, buffer);
                        }
                    }
                } finally {
                    ahead.release(e);
                }
                zip.end();
                directory.add(new DicomDirEntry(fileId, DirectoryKeys.complete(header, i.patientId(), t.created(),
                        ids.seriesOrdinal(i), ids.instanceOrdinal(i)), i.transferSyntaxUid()));
            }
            byte[] dicomdir = manifest.map(PackageManifest::dicomdir).orElseGet(directory::toBytes);
            entry(zip, "DICOMDIR", dicomdir);
            for (Attachment a : head.reports()) {
                ReadAhead.Entry e = manifest.isPresent() ? null : ahead.next();
                try {
                    crcs[n] = e == null ? manifest.get().crcs()[n] : e.crc();
                    zip.begin("REPORTS/" + head.reportNames().get(a), true, a.size(), crcs[n++]);
                    if (e != null && e.bytes() != null) {
                        zip.body().write(e.bytes(), 0, e.length());
                    } else {
                        try (InputStream in = blobs.open(Reports.attachmentKey(t.id(), a.id()), ByteRange.ALL)) {
                            copy(in, zip.body(), buffer);
                        }
                    }
                } finally {
                    if (e != null) {
                        ahead.release(e);
                    }
                }
                zip.end();
            }
            zip.finish();
            Optional<String> sha = manifest.isPresent() ? Optional.of(manifest.get().sha256())
                    : hash ? Optional.of(fork.hex()) : Optional.empty();
            if (manifest.isEmpty() && password.isEmpty() && sha.isPresent()) {
                remember(new PackageManifest(counting.count, sha.get(), dicomdir, crcs), manifestKey);
            }
            return new PackageResult(fingerprint, sha, counting.count, instances.size(), head.reports().size());
        } catch (IOException e) {
            throw new UncheckedIOException("streaming the package of " + t.tracking() + " failed", e);
        } finally {
            fork.stopHashing();
            if (ahead != null) {
                ahead.close();
            }
        }
    }

    /** The first package's files, instances then reports, read ahead on a second thread. */
    private ReadAhead readAhead(Transaction t, List<IndexedInstance> instances, List<Attachment> reports) {
        List<BlobKey> keys = new ArrayList<>(instances.size() + reports.size());
        long[] sizes = new long[instances.size() + reports.size()];
        for (IndexedInstance i : instances) {
            sizes[keys.size()] = i.size();
            keys.add(i.blob());
        }
        for (Attachment a : reports) {
            sizes[keys.size()] = a.size();
            keys.add(Reports.attachmentKey(t.id(), a.id()));
        }
        return new ReadAhead(blobs, keys, sizes, wholeFileLimit);
    }

    /**
     * The length and SHA-256 the plain package would have, for a resumed download's Content-Range and ETag: from
     * the manifest when this content was packaged before, else by packaging it once, hashed (which keeps the
     * manifest).
     */
    public PackageResult measure(Transaction t, PackageScope scope) {
        List<IndexedInstance> instances = instances(t, scope);
        Head head = head(t, scope);
        String fingerprint = fingerprint(t, head, instances);
        Optional<PackageManifest> m = PackageManifest.load(blobs, PackageManifest.key(t.id().value(), fingerprint));
        if (m.isPresent()) {
            return new PackageResult(fingerprint, Optional.of(m.get().sha256()), m.get().bytes(), instances.size(),
                    head.reports().size());
        }
        return write(t, scope, Optional.empty(), 0, OutputStream.nullOutputStream(), true);
    }

    /**
     * Measures the package only if its content is still the one {@code fingerprint} names (a package downloaded
     * before its hash was known); empty when the content has changed since, as those bytes cannot be made again.
     */
    public Optional<PackageResult> measure(Transaction t, PackageScope scope, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        List<IndexedInstance> instances = instances(t, scope);
        if (!fingerprint.equals(fingerprint(t, head(t, scope), instances))) {
            return Optional.empty();
        }
        PackageResult r = measure(t, scope);
        return r.fingerprint().equals(fingerprint) ? Optional.of(r) : Optional.empty();
    }

    /** What goes before the images, and the reports: small, and written before the instances are listed. */
    private record Head(byte[] readme, byte[] index, List<Attachment> reports, Map<Attachment, String> reportNames) {
    }

    private Head head(Transaction t, PackageScope scope) {
        List<Attachment> reports = t.attachments().stream().filter(scope::includes).toList();
        Map<Attachment, String> reportNames = reportNames(reports);
        List<StudyEntry> studies = t.studies().stream().filter(s -> scope.studyInstanceUid()
                .map(s.studyInstanceUid()::equals).orElse(true)).toList();
        String institution = directory.institution(t.origin()).map(Institution::name).orElse("");
        List<String> reportFiles = List.copyOf(reportNames.values());
        try {
            return new Head(Texts.readme(t, studies, institution, reportFiles), Texts.index(t, studies, institution,
                    reportFiles, textReports(t, reports, reportNames)), reports, reportNames);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the reports of " + t.tracking() + " failed", e);
        }
    }

    private List<IndexedInstance> instances(Transaction t, PackageScope scope) {
        List<IndexedInstance> instances = index.byTransaction(t.id()).stream().filter(scope::includes)
                .sorted(Comparator.comparing(IndexedInstance::studyInstanceUid)
                        .thenComparing(IndexedInstance::seriesInstanceUid)
                        .thenComparing(IndexedInstance::received).thenComparing(IndexedInstance::sopInstanceUid))
                .toList();
        if (instances.isEmpty()) {
            throw new NotFoundException("Transaction " + t.tracking() + " holds no images for this package.");
        }
        return instances;
    }

    /** Everything the package's bytes depend on, hashed: same fingerprint, same bytes. */
    private static String fingerprint(Transaction t, Head head, List<IndexedInstance> instances) {
        MessageDigest md = sha256();
        StringBuilder meta = new StringBuilder(FORMAT).append('|').append(t.tracking().value()).append('|')
                .append(t.created()).append('\n');
        for (IndexedInstance i : instances) {
            meta.append(i.blob().value()).append('|').append(i.sha256()).append('|').append(i.size()).append('|')
                    .append(i.patientId()).append('|').append(i.transferSyntaxUid()).append('\n');
        }
        for (Attachment a : head.reports()) {
            meta.append(a.id().value()).append('|').append(a.sha256()).append('|').append(a.size()).append('|')
                    .append(head.reportNames().get(a)).append('\n');
        }
        md.update(head.readme());
        md.update(head.index());
        md.update(meta.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** A manifest that cannot be kept costs the next download a hash, nothing more: said, not thrown. */
    private void remember(PackageManifest m, BlobKey key) {
        try {
            m.save(blobs, key);
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the package manifest {} ({}); the next download hashes the package again",
                    key, e.toString());
        }
    }

    /** The header up to the pixel data, read from the bytes on their way into the package. */
    private static Attributes header(IndexedInstance i, InputStream in) {
        try (DicomReader r = DicomReader.open(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the rest of the instance is still to be copied
            }
        })) {
            return r.readUntilPixelData().dataSet();
        } catch (DicomException e) {
            throw new IllegalStateException("a stored instance of " + i.transaction() + " no longer parses: "
                    + e.getMessage(), e);
        }
    }

    /** Reads a stream to its end (a {@link Tee} copies what passes). */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        while (in.read(buffer) > 0) {
            // the tee wrote it
        }
    }

    /** Pasted text reports (small by the core's report limit), to be rendered on the package's index page. */
    private Map<String, String> textReports(Transaction t, List<Attachment> reports, Map<Attachment, String> names)
            throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Attachment a : reports) {
            if (a.mediaType().equals("text/plain") && a.size() <= MAX_INLINE_TEXT) {
                try (InputStream in = blobs.open(Reports.attachmentKey(t.id(), a.id()), ByteRange.ALL)) {
                    texts.put(names.get(a), new String(in.readNBytes(MAX_INLINE_TEXT),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    /** ISO 9660 names for the reports: RPT00001.PDF, RPT00002.TXT, … (never the sender's file name). */
    private static Map<Attachment, String> reportNames(List<Attachment> reports) {
        Map<Attachment, String> names = new LinkedHashMap<>();
        int n = 0;
        for (Attachment a : reports) {
            names.put(a, String.format("RPT%05d.%s", ++n, extension(a.mediaType())));
        }
        return names;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "text/plain" -> "TXT";
            case "application/msword" -> "DOC";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
            case "image/tiff" -> "TIF";
            case "image/gif" -> "GIF";
            case "image/jpeg" -> "JPG";
            case "image/png" -> "PNG";
            default -> "BIN";
        };
    }

    private static void entry(ZipSink zip, String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        zip.begin(name, true, content.length, crc.getValue());
        zip.body().write(content);
        zip.end();
    }

    private static void copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File IDs in arrival order: a new study or series gets the next number. */
    private static final class FileIds {
        private final Map<String, String> studies = new LinkedHashMap<>();
        private final Map<String, String> series = new LinkedHashMap<>();
        private final Map<String, Integer> instancesPerSeries = new LinkedHashMap<>();

        List<String> next(IndexedInstance i) {
            String st = studies.computeIfAbsent(i.studyInstanceUid(), k -> String.format("ST%06d",
                    studies.size() + 1));
            String seriesKey = i.studyInstanceUid() + "|" + i.seriesInstanceUid();
            String se = series.computeIfAbsent(seriesKey, k -> String.format("SE%06d", series.size() + 1));
            int im = instancesPerSeries.merge(seriesKey, 1, Integer::sum);
            return List.of("DICOM", st, se, String.format("IM%06d", im));
        }

        /** 1-based number of the series of the instance last given a file ID, in package order. */
        int seriesOrdinal(IndexedInstance i) {
            return Integer.parseInt(series.get(i.studyInstanceUid() + "|" + i.seriesInstanceUid()).substring(2));
        }

        int instanceOrdinal(IndexedInstance i) {
            return instancesPerSeries.get(i.studyInstanceUid() + "|" + i.seriesInstanceUid());
        }
    }
}
