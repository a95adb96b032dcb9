package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry point: {@code DicomTool <command> [args]}. Dispatches to {@link Command}s by
 * name; {@link #run} returns the exit status (0 ok, 1 some input invalid, 2 usage) so that tests
 * call it in-process, and only {@link #main} exits. Immutable and thread-safe if its commands are.
 */
public final class DicomTool {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** A tool with the given commands (names must be unique). */
    public DicomTool(List<Command> commands) {
        for (Command c : commands) {
            if (this.commands.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate command " + c.name());
            }
        }
    }

    /** The built-in commands. Add new subcommands (deid, dir, echoscu, storescu, storescp...) here. */
    public static List<Command> builtins() {
        return List.of(new DumpCommand(), new JsonCommand(), new ValidateCommand(), new DirCommand(),
                new EchoscuCommand(), new StorescuCommand(), new StorescpCommand(), new DeidCommand(),
                new FindscuCommand(), new MovescuCommand(), new GetscuCommand(), new CommitscuCommand());
    }

    public static void main(String[] args) {
        System.exit(new DicomTool(builtins()).run(args, System.out, System.err));
    }

    /** Runs one command line and returns its exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(err);
            return Command.USAGE;
        }
        if (args[0].equals("help") || args[0].equals("-h") || args[0].equals("--help")) {
            usage(out);
            return Command.OK;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("unknown command: " + args[0]);
            usage(err);
            return Command.USAGE;
        }
        int status = c.run(Arrays.asList(args).subList(1, args.length), out, err);
        out.flush();
        err.flush();
        return status;
    }

    private void usage(PrintStream s) {
        s.println("usage: DicomTool <command> [arguments]");
        s.println("commands:");
        for (Command c : commands.values()) {
            s.printf("  %-9s %-40s %s%n", c.name(), c.synopsis(), c.summary());
        }
        s.println("exit status: 0 all inputs ok, 1 some input invalid, 2 usage error");
    }
}
