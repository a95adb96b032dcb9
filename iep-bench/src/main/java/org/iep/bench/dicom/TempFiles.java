package org.iep.bench.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of generated files, removed after the trial. */
final class TempFiles {

    private TempFiles() {
    }

    static Path directory(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
