package org.iep.dicom.dicomdir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;

/**
 * Referenced File IDs (PS3.10 §8.5, PS3.12 ISO 9660 mapping): up to 8 components of 1 to 8 characters from
 * A-Z, 0-9 and '_', relative to the directory holding the DICOMDIR.
 *
 * <p>Reading is lenient about the character repertoire (real media carry lower case and longer names) but never
 * about confinement: a component that is empty, only dots, or holds a path separator, a drive colon or a control
 * character is refused, whatever the operating system would make of it.
 */
public final class FileIds {

    /** PS3.10 §8.5: at most 8 components. */
    public static final int MAX_COMPONENTS = 8;

    private static final Pattern ISO_9660 = Pattern.compile("[A-Z0-9_]{1,8}");
    private static final Pattern ONLY_DOTS_AND_SPACES = Pattern.compile("[. ]*");

    private FileIds() {
    }

    /** True if {@code component} is a DICOM file ID component: 1-8 of A-Z, 0-9, '_'. */
    public static boolean isCompliantComponent(String component) {
        return ISO_9660.matcher(component).matches();
    }

    /** The components of a Referenced File ID read from a DICOMDIR, refused if any could leave the file-set. */
    static List<String> confined(String[] components, long recordOffset) {
        if (components.length > 64) {
            throw unsafe(recordOffset, String.join("\\", components), "more than 64 components");
        }
        List<String> out = new ArrayList<>(components.length);
        for (String c : components) {
            String why = unsafeReason(c);
            if (why != null) {
                throw unsafe(recordOffset, String.join("\\", components), why);
            }
            out.add(c);
        }
        return out;
    }

    /** Nullable: why a component could escape the root, or null if it cannot. */
    static String unsafeReason(String c) {
        if (c.isEmpty()) {
            return "an empty component (absolute path or doubled separator)";
        }
        if (ONLY_DOTS_AND_SPACES.matcher(c).matches()) {
            return "a component \"" + c + "\" made of dots";
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '/' || ch == '\\' || ch == ':' || ch < 0x20 || ch == 0x7F) {
                return "a component with the character U+" + String.format("%04X", (int) ch);
            }
        }
        return null;
    }

    /** The file a confined file ID names under {@code root}; refused if it would still leave it. */
    static Path resolve(Path root, List<String> components) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base;
        for (String c : components) {
            String why = unsafeReason(c);
            if (why != null) {
                throw unsafe(-1, String.join("\\", components), why);
            }
            p = p.resolve(c);
        }
        p = p.normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw unsafe(-1, String.join("\\", components), "it resolves outside " + base);
        }
        return p;
    }

    /**
     * The file ID of {@code file} relative to {@code root} for a DICOMDIR being written: every component must already
     * be compliant (the writer never renames; see {@link FileSetLayout}).
     *
     * @throws DicomDirException DICOMDIR_FILE_NAME if the file is outside the root or a name does not comply
     */
    static List<String> of(Path root, Path file) {
        Path base = root.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_FILE_NAME, file + " is not inside the file-set root "
                    + base);
        }
        Path rel = base.relativize(abs);
        if (rel.getNameCount() > MAX_COMPONENTS) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_FILE_NAME, rel + " has " + rel.getNameCount()
                    + " components; a DICOM file ID has at most " + MAX_COMPONENTS);
        }
        List<String> out = new ArrayList<>();
        for (Path part : rel) {
            String c = part.toString();
            if (!isCompliantComponent(c)) {
                throw new DicomDirException(DicomErrorCode.DICOMDIR_FILE_NAME, rel + ": \"" + c + "\" is not a DICOM"
                        + " file ID component (1-8 characters A-Z, 0-9, _)");
            }
            out.add(c);
        }
        return out;
    }

    /** Hostile text goes into messages and logs with its control characters shown as '?' and cut at 200. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char ch = s.charAt(i);
            b.append(ch < 0x20 || ch == 0x7F ? '?' : ch);
        }
        return s.length() > 200 ? b + "..." : b.toString();
    }

    private static DicomDirException unsafe(long offset, String id, String why) {
        return new DicomDirException(DicomErrorCode.DICOMDIR_UNSAFE_FILE_ID, "Referenced File ID \"" + printable(id)
                + "\""
                + (offset >= 0 ? " of the record at byte " + offset : "") + " is refused: " + why);
    }
}
