package org.iep.dicom.tool;

import java.io.PrintStream;
import java.util.List;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;

/** {@code validate FILE...}: parses each file completely; reports the ones that fail. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String synopsis() {
        return "FILE...";
    }

    @Override
    public String summary() {
        return "parse each file fully; list the invalid ones on stderr";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return FileCommand.usage(err, this, args.isEmpty() ? "no input file" : "unknown option " + args.get(0));
        }
        return FileCommand.forEach(args, err, file -> {
            DicomFile f = DicomReader.read(file);
            out.println(file + ": OK (" + f.transferSyntax().name() + ", " + f.dataSet().size() + " top-level elements)");
        });
    }
}
