package org.iep.core.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
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
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Institution;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.Attachment;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.core.report.Reports;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dicomdir.DicomDirEntry;
import org.iep.dicom.dicomdir.DicomDirWriter;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;

/**
 * Streams a transaction's package: README.TXT and IHE_PDI/INDEX.HTM first (the first bytes leave at once), then
 * each instance from the blob store under {@code DICOM/STnnnnnn/SEnnnnnn/IMnnnnnn}, then the DICOMDIR built from
 * the headers read on the way, then the reports. Memory holds one copy buffer and the directory's records, never
 * an image. Without a password the bytes depend only on the content, so {@code skip} resumes a download; the
 * returned SHA-256 is of the whole package either way. Thread-safe.
 */
public final class Packager {
    private static final int BUFFER = 256 * 1024;
    private static final int MAX_INLINE_TEXT = 256 * 1024;
    private final InstanceIndex index;
    private final BlobStore blobs;
    private final DirectoryStore directory;

    public Packager(InstanceIndex index, BlobStore blobs, DirectoryStore directory) {
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Writes the package to {@code out} (not closed), leaving out its first {@code skip} bytes.
     *
     * @param password empty for a plain zip; else AES-256 (then {@code skip} must be 0)
     */
    public PackageResult write(Transaction t, PackageScope scope, Optional<char[]> password, long skip,
                               OutputStream out) {
        if (skip < 0 || skip > 0 && password.isPresent()) {
            throw new InvalidInputException(List.of(new Problem("range", skip < 0 ? "must not be negative"
                    : "a password-protected package cannot be resumed; download it again from the start")));
        }
        List<IndexedInstance> instances = index.byTransaction(t.id()).stream().filter(scope::includes)
                .sorted(Comparator.comparing(IndexedInstance::studyInstanceUid)
                        .thenComparing(IndexedInstance::seriesInstanceUid)
                        .thenComparing(IndexedInstance::received).thenComparing(IndexedInstance::sopInstanceUid))
                .toList();
        if (instances.isEmpty()) {
            throw new NotFoundException("Transaction " + t.tracking() + " holds no images for this package.");
        }
        List<Attachment> reports = t.attachments().stream().filter(scope::includes).toList();
        Map<Attachment, String> reportNames = reportNames(reports);
        List<StudyEntry> studies = t.studies().stream().filter(s -> scope.studyInstanceUid()
                .map(s.studyInstanceUid()::equals).orElse(true)).toList();
        String institution = directory.institution(t.origin()).map(Institution::name).orElse("");
        List<String> reportFiles = List.copyOf(reportNames.values());

        MessageDigest sha = sha256();
        Counting counting = new Counting(new Skipping(out, skip));
        LocalDateTime time = LocalDateTime.ofInstant(t.created(), ZoneOffset.UTC).withNano(0);
        try (ZipSink zip = password.isPresent()
                ? new AesZipSink(new DigestOutputStream(counting, sha), password.get(), t.created().toEpochMilli())
                : new PlainZipSink(new DigestOutputStream(counting, sha), time)) {
            entry(zip, "README.TXT", Texts.readme(t, studies, institution, reportFiles));
            entry(zip, "IHE_PDI/INDEX.HTM", Texts.index(t, studies, institution, reportFiles,
                    textReports(t, reports, reportNames)));
            out.flush();
            List<DicomDirEntry> records = new ArrayList<>();
            FileIds ids = new FileIds();
            byte[] buffer = new byte[BUFFER];
            for (IndexedInstance i : instances) {
                List<String> fileId = ids.next(i);
                zip.begin(String.join("/", fileId), false, i.size());
                try (InputStream in = blobs.open(i.blob(), ByteRange.ALL)) {
                    copy(in, zip.body(), buffer);
                }
                zip.end();
                records.add(new DicomDirEntry(fileId, DirectoryKeys.complete(header(i), i.patientId(), t.created(),
                        ids.seriesOrdinal(i), ids.instanceOrdinal(i)), i.transferSyntaxUid()));
            }
            // File-set ID: the tracking number, which fits CS (16 characters, upper case and digits)
            entry(zip, "DICOMDIR", new DicomDirWriter(t.tracking().value()).toBytes(records));
            for (Attachment a : reports) {
                zip.begin("REPORTS/" + reportNames.get(a), true, a.size());
                try (InputStream in = blobs.open(Reports.attachmentKey(t.id(), a.id()), ByteRange.ALL)) {
                    copy(in, zip.body(), buffer);
                }
                zip.end();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("streaming the package of " + t.tracking() + " failed", e);
        }
        return new PackageResult(HexFormat.of().formatHex(sha.digest()), counting.count, instances.size(),
                reports.size());
    }

    /** The header up to the pixel data, as stored (the clean copy ingest wrote). */
    private Attributes header(IndexedInstance i) {
        try (InputStream in = blobs.open(i.blob(), ByteRange.ALL); DicomReader r = DicomReader.open(in)) {
            DicomFile f = r.readUntilPixelData();
            return f.dataSet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DicomException e) {
            throw new IllegalStateException("a stored instance of " + i.transaction() + " no longer parses: "
                    + e.getMessage(), e);
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
        zip.begin(name, true, content.length);
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

    /** Counts what the package would be, whether or not the bytes were skipped. */
    private static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            out.write(b, off, len);
        }
    }

    /** Drops the first bytes of a resumed download. */
    private static final class Skipping extends java.io.FilterOutputStream {
        private long skip;

        Skipping(OutputStream out, long skip) {
            super(out);
            this.skip = skip;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (skip >= len) {
                skip -= len;
                return;
            }
            int from = (int) skip;
            skip = 0;
            out.write(b, off + from, len - from);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
