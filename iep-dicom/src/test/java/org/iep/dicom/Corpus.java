package org.iep.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared conformance corpus (shared/dicom/corpus). Found through the system property
 * {@code iep.shared.dir} (set by the parent POM), else {@code ../../shared} relative to the module
 * directory; a missing corpus fails the tests instead of skipping them.
 */
public final class Corpus {

    private Corpus() {
    }

    /**
     * Files dcmtk reads but our strict (default) reader rejects, with the reason. Every corpus-wide
     * test leaves these out explicitly; the dcmdump conformance test reads them in lenient mode.
     */
    public static final java.util.Map<String, String> STRICT_REJECTS = java.util.Map.of(
            "dicomdir/DICOMDIR-nooffset",
            "elements were removed without adapting the lengths: the Directory Record Sequence declares 10696 "
                    + "bytes and its last item 248 where only 224 bytes are left. dcmtk silently clamps the "
                    + "containers to the end of file; our strict reader reports the overrun (a truncated file "
                    + "looks the same, and we never return partial data silently). ReadOptions.LENIENT reads "
                    + "it as dcmtk does, with a logged warning.");

    /** One MANIFEST.tsv row. */
    public record Entry(String file, Map<String, String> columns) {
        public Path path() {
            return dir().resolve(file);
        }

        public String get(String column) {
            return columns.getOrDefault(column, "");
        }

        public boolean dcmdumpOk() {
            return "yes".equals(get("dcmdump_ok"));
        }
    }

    /** shared/ */
    public static Path sharedDir() {
        String prop = System.getProperty("iep.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../../shared"));
        candidates.add(Path.of("../shared"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("dicom/corpus"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("DICOM corpus not found: set -Diep.shared.dir=<dir containing "
                + "dicom/corpus> (tried " + candidates + " from " + Path.of("").toAbsolutePath() + ")");
    }

    /** shared/dicom/corpus */
    public static Path dir() {
        return sharedDir().resolve("dicom/corpus");
    }

    /** All MANIFEST.tsv rows in order. */
    public static List<Entry> manifest() {
        try {
            List<String> lines = Files.readAllLines(dir().resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Entry> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Map<String, String> cols = new HashMap<>();
                for (int i = 0; i < header.length && i < f.length; i++) {
                    cols.put(header[i], f[i]);
                }
                out.add(new Entry(f[0], cols));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus file by name (relative to the corpus dir). */
    public static Path file(String name) {
        Path p = dir().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("corpus file missing: " + p);
        }
        return p;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
