package org.iep.dicom.tool;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.json.BulkDataUris;
import org.iep.dicom.json.DicomJsonWriter;

/**
 * {@code json [-o DIR] FILE...}: DICOM JSON (PS3.18 F.2) to stdout, or one {@code <name>.json}
 * per input in DIR. Encapsulated pixel data, which JSON can only reference, becomes a BulkDataURI
 * naming the element in the source file ({@code file:/...#7FE00010}); other binary values are inline.
 */
final class JsonCommand implements Command {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String synopsis() {
        return "[-o DIR] FILE...";
    }

    @Override
    public String summary() {
        return "write DICOM JSON to stdout, or DIR/<file name>.json";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path dir = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-o")) {
                if (i + 1 >= args.size()) {
                    return FileCommand.usage(err, this, "-o needs a directory");
                }
                dir = Path.of(args.get(++i));
            } else if (a.startsWith("-")) {
                return FileCommand.usage(err, this, "unknown option " + a);
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            return FileCommand.usage(err, this, "no input file");
        }
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                err.println("json: cannot create " + dir + ": " + e.getMessage());
                return Command.USAGE;
            }
        }
        Path outDir = dir;
        return FileCommand.forEach(files, err, file -> {
            BulkDataUris uris = (path, e) -> e instanceof FragmentsElement ? file.toAbsolutePath().toUri() + "#" + path : null;
            DicomJsonWriter writer = new DicomJsonWriter(uris, true);
            String json = writer.toJson(DicomReader.read(file).dataSet());
            if (outDir == null) {
                out.print(json);
                return;
            }
            Path target = outDir.resolve(file.getFileName() + ".json");
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                w.write(json);
            } catch (IOException e) {
                throw new DicomIoException("cannot write " + target + ": " + e.getMessage(), e);
            }
        });
    }
}
