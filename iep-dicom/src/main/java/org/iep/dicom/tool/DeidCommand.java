package org.iep.dicom.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iep.dicom.DicomException;
import org.iep.dicom.deid.DeidOption;
import org.iep.dicom.deid.DeidProfile;
import org.iep.dicom.deid.DeidResult;
import org.iep.dicom.deid.Deidentifier;
import org.iep.dicom.deid.Pseudonyms;

/**
 * {@code deid --profile NAME --key-file F -o DIR FILE...}: de-identifies each file per PS3.15 Annex E into DIR
 * (same file names). NAME is {@code basic} or {@code basic+option+option...} with the options in lower case and
 * dashes ({@code retain-long-modified-dates}, {@code clean-descriptors}, ...). The key (at least 16 bytes) comes from a
 * file, never the command line, so it stays out of shell history and process lists. A file flagged Burned In
 * Annotation is not written (its pixels may still show who the patient is; the engine does not clean pixels): it is
 * named on stderr and the exit status says so, unless {@code --keep-burned-in} is given. Each output appears whole
 * or not at all (written beside as {@code .part}, then moved).
 */
final class DeidCommand implements Command {

    @Override
    public String name() {
        return "deid";
    }

    @Override
    public String synopsis() {
        return "--profile NAME --key-file F -o DIR [--keep-burned-in] FILE...";
    }

    @Override
    public String summary() {
        return "de-identify per PS3.15 Annex E (basic[+option...]) into DIR";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String profileName = null;
        Path keyFile = null;
        Path dir = null;
        List<String> files = new ArrayList<>();
        boolean keepBurnedIn = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--profile") || a.equals("--key-file") || a.equals("-o")) && i + 1 >= args.size()) {
                return FileCommand.usage(err, this, a + " needs a value");
            }
            switch (a) {
                case "--profile" -> profileName = args.get(++i);
                case "--key-file" -> keyFile = Path.of(args.get(++i));
                case "-o" -> dir = Path.of(args.get(++i));
                case "--keep-burned-in" -> keepBurnedIn = true;
                default -> {
                    if (a.startsWith("-")) {
                        return FileCommand.usage(err, this, "unknown option " + a);
                    }
                    files.add(a);
                }
            }
        }
        if (profileName == null || keyFile == null || dir == null || files.isEmpty()) {
            return FileCommand.usage(err, this, "--profile, --key-file, -o and at least one file are needed");
        }
        DeidProfile profile;
        try {
            profile = profile(profileName);
        } catch (IllegalArgumentException e) {
            return FileCommand.usage(err, this, e.getMessage());
        }
        Pseudonyms key;
        try {
            key = new Pseudonyms(Files.readAllBytes(keyFile));
            Files.createDirectories(dir);
        } catch (IOException | IllegalArgumentException e) {
            return FileCommand.usage(err, this, "cannot use " + keyFile + " or " + dir + ": " + e.getMessage());
        }
        Deidentifier deid = new Deidentifier(profile, key);
        int status = OK;
        for (String f : files) {
            Path source = Path.of(f);
            Path target = dir.resolve(source.getFileName());
            Path part = dir.resolve(source.getFileName() + ".part");
            try {
                DeidResult r;
                try (InputStream in = Files.newInputStream(source); OutputStream o = Files.newOutputStream(part)) {
                    r = deid.deidentify(in, o);
                }
                if (r.burnedInAnnotation() && !keepBurnedIn) {
                    deleteQuietly(part);
                    err.println(f + ": not written: Burned In Annotation is YES, so its pixels may show who the"
                            + " patient is (check them, then use --keep-burned-in)");
                    status = INVALID_INPUT;
                    continue;
                }
                if (r.burnedInAnnotation()) {
                    err.println(f + ": Burned In Annotation is YES; written as asked, check the pixels before sharing");
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println(f + " -> " + target);
            } catch (IOException | DicomException e) {
                deleteQuietly(part);
                err.println(f + ": " + e.getMessage());
                status = INVALID_INPUT;
            }
        }
        return status;
    }

    static DeidProfile profile(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split("\\+");
        if (!parts[0].equals("basic")) {
            throw new IllegalArgumentException("a profile is basic[+option...], not " + name);
        }
        Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
        for (int i = 1; i < parts.length; i++) {
            try {
                options.add(DeidOption.valueOf(parts[i].replace('-', '_').toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown option " + parts[i]);
            }
        }
        return new DeidProfile(name, options, Map.of(), Set.of());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the error above is what the user needs
        }
    }
}
