package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.List;
import org.iep.dicom.io.DicomReader;

/** {@code dump FILE...}: dcmdump-like listing, one line per element, strings decoded. */
final class DumpCommand implements Command {

    private final DumpFormatter formatter = new DumpFormatter(DumpFormatter.Strings.DECODED, 4096);

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String synopsis() {
        return "FILE...";
    }

    @Override
    public String summary() {
        return "print every element (tag, VR, value, length, keyword), like dcmdump";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return FileCommand.usage(err, this, args.isEmpty() ? "no input file" : "unknown option " + args.get(0));
        }
        return FileCommand.forEach(args, err, file -> {
            String text = formatter.format(DicomReader.read(file));
            if (args.size() > 1) {
                out.println("# File: " + file);
            }
            out.print(text);
        });
    }
}
