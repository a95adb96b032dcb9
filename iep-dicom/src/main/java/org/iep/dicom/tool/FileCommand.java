package org.iep.dicom.tool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.iep.dicom.DicomException;

/**
 * Runs an action per input file: a {@link DicomException} on one input is reported on stderr as
 * "FILE: IEP-5xxx: reason" and makes the status 1; the other inputs are still processed.
 */
final class FileCommand {

    /** The per-file work. */
    @FunctionalInterface
    interface Action {
        void apply(Path file);
    }

    private FileCommand() {
    }

    static int forEach(List<String> files, PrintStream err, Action action) {
        int status = Command.OK;
        for (String f : files) {
            try {
                action.apply(Path.of(f));
            } catch (DicomException e) {
                err.println(f + ": " + e.getMessage());
                status = Command.INVALID_INPUT;
            }
        }
        return status;
    }

    static int usage(PrintStream err, Command c, String problem) {
        err.println(c.name() + ": " + problem);
        err.println("usage: DicomTool " + c.name() + " " + c.synopsis());
        return Command.USAGE;
    }
}
