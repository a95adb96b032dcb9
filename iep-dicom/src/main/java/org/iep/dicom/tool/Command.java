package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of {@link DicomTool} ({@code dump}, {@code json}, {@code validate}; later
 * {@code deid}, {@code dir}, {@code echoscu}, {@code storescu}, {@code storescp}...). Implement it
 * in its own class and register it in {@link DicomTool#builtins()}. Implementations never call
 * {@code System.exit} and write only to the given streams, so tests can run them in-process.
 */
public interface Command {

    /** Exit status: every input processed successfully. */
    int OK = 0;
    /** Exit status: at least one input was invalid (each reported on stderr). */
    int INVALID_INPUT = 1;
    /** Exit status: bad command line (usage printed on stderr). */
    int USAGE = 2;

    /** The subcommand name, e.g. "dump". */
    String name();

    /** Argument synopsis, e.g. "[-o DIR] FILE...". */
    String synopsis();

    /** One-line description for the usage text. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the subcommand name
     * @return {@link #OK}, {@link #INVALID_INPUT} or {@link #USAGE}
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
