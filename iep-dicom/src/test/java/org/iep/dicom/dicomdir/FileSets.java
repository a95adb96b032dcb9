package org.iep.dicom.dicomdir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iep.dicom.Corpus;
import org.iep.dicom.ExternalTool;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;

/** Test file-sets and the dcmtk checks every written DICOMDIR goes through. */
final class FileSets {

    private FileSets() {
    }

    /** Copies the 31 files of the corpus file-set (not its DICOMDIRs and oracles) under {@code root}. */
    static List<Path> copyCorpusFileSet(Path root) throws IOException {
        Path from = Corpus.file("dicomdir/DICOMDIR").getParent();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() == 1 || rel.getFileName().toString().contains(".")) {
                    continue; // the DICOMDIRs and the .txt / .json oracles
                }
                Path to = root.resolve(rel.toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
                to.toFile().setWritable(true);
                out.add(to);
            }
        }
        assertThat(out).hasSize(31);
        return out;
    }

    /** All regular files under root. */
    static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Runs dcmmkdir (general purpose profile, File-set ID IEP) on the files under {@code root} and returns its
     * DICOMDIR, written outside the file-set; {@code extra} are further options such as -Nxc.
     */
    static DicomDir dcmmkdir(Path root, Path out, String... extra) throws IOException {
        Files.createDirectories(out);
        Path dicomdir = out.resolve("DICOMDIR");
        List<String> args = new ArrayList<>(List.of("+r", "+id", root.toString(), "+D", dicomdir.toString(), "-Pgp",
                "+F", "IEP"));
        args.addAll(List.of(extra));
        ExternalTool.Result r = ExternalTool.require("dcmmkdir").run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("dcmmkdir " + args + ": " + r.lines()).isZero();
        assertThat(r.lines()).as("dcmmkdir errors").noneMatch(l -> l.startsWith("E:") || l.startsWith("F:"));
        return DicomDirReader.read(dicomdir);
    }

    /** dcmdump -q reads the DICOMDIR without an error or warning, and dciodvfy finds no error. */
    static void assertDcmtkClean(Path dicomdir) {
        ExternalTool.Result dump = ExternalTool.require("dcmdump").run("-q", dicomdir.toString());
        assertThat(dump.exitCode()).isZero();
        assertThat(dump.lines()).as("dcmdump -q " + dicomdir)
                .noneMatch(l -> l.startsWith("E:") || l.startsWith("F:") || l.startsWith("W:"));
        List<String> errors = ExternalTool.require("dciodvfy").run(dicomdir.toString()).lines().stream()
                .filter(l -> l.startsWith("Error")).toList();
        assertThat(errors).as("dciodvfy errors for " + dicomdir).isEmpty();
    }

    static void set(Attributes ds, String keyword, String... values) {
        RecordKey k = RecordKey.of(keyword, 3);
        ds.setString(k.tag(), k.vr(), values);
    }

    static void setEmpty(Attributes ds, String keyword) {
        RecordKey k = RecordKey.of(keyword, 3);
        ds.setEmpty(k.tag(), k.vr() == VR.UN ? VR.SQ : k.vr());
    }

    static int tag(String keyword) {
        return RecordKey.of(keyword, 3).tag();
    }
}
