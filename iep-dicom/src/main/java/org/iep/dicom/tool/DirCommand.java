package org.iep.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.dicomdir.DicomDir;
import org.iep.dicom.dicomdir.DicomDirWriter;

/**
 * {@code dir [-i FILESETID] DIR}: writes DIR/DICOMDIR for every file under DIR. Every file must be Part 10 DICOM
 * with a DICOM file ID as its name; otherwise each bad file is listed on stderr, the status is 1 and no DICOMDIR is
 * written.
 */
final class DirCommand implements Command {

    @Override
    public String name() {
        return "dir";
    }

    @Override
    public String synopsis() {
        return "[-i FILESETID] DIR";
    }

    @Override
    public String summary() {
        return "write DIR/DICOMDIR for the files under DIR (names must be DICOM file IDs)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String fileSetId = "IEP";
        List<String> rest = args;
        if (!rest.isEmpty() && rest.get(0).equals("-i")) {
            if (rest.size() < 2) {
                return FileCommand.usage(err, this, "-i needs a File-set ID");
            }
            fileSetId = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() != 1 || rest.get(0).startsWith("-")) {
            return FileCommand.usage(err, this, rest.isEmpty() ? "no directory" : rest.size() > 1
                    ? "one directory only" : "unknown option " + rest.get(0));
        }
        DicomDirWriter writer;
        try {
            writer = new DicomDirWriter(fileSetId);
        } catch (IllegalArgumentException e) {
            return FileCommand.usage(err, this, e.getMessage());
        }
        Path root = Path.of(rest.get(0));
        if (!Files.isDirectory(root)) {
            err.println(root + ": not a directory");
            return INVALID_INPUT;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            Path own = root.resolve(DicomDirWriter.DICOMDIR);
            files = s.filter(Files::isRegularFile).filter(p -> !p.equals(own)).sorted().toList();
        } catch (IOException e) {
            err.println(root + ": cannot list the files: " + e.getMessage());
            return INVALID_INPUT;
        }
        try {
            DicomDir written = writer.write(root, files);
            out.println(root.resolve(DicomDirWriter.DICOMDIR) + ": " + written.records().size() + " records for "
                    + written.fileRecords().size() + " files");
            return OK;
        } catch (DicomDirException e) {
            if (e.problems().isEmpty()) {
                err.println(root + ": " + e.getMessage());
            } else {
                e.problems().forEach(err::println);
            }
            err.println(root + ": no DICOMDIR written");
            return INVALID_INPUT;
        }
    }
}
