package org.iep.dicom.dicomdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomReader;

/**
 * Lays files out under DICOM file IDs, for file-sets whose names do not comply (the {@link DicomDirWriter} never
 * renames): each file is copied to {@code root/PATnnnnn/STUnnnnn/SERnnnnn/IMGnnnnn}, numbered by Patient ID, Study
 * and Series Instance UID in the order the (sorted) sources come. All sources are read before anything is copied;
 * unreadable ones are reported together (5303). Existing files are never overwritten. Stateless; thread-safe.
 */
public final class FileSetLayout {

    private static final int MAX = 99_999;

    private FileSetLayout() {
    }

    /** Copies {@code sources} under {@code root} and returns the copies in the order of the sorted sources. */
    public static List<Path> copy(Collection<Path> sources, Path root) {
        Map<String, Map<String, Map<String, List<Path>>>> tree = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path source : sources.stream().sorted().toList()) {
            try (DicomReader r = DicomReader.open(source)) {
                Attributes ds = r.readUntilPixelData().dataSet();
                tree.computeIfAbsent(key(ds, Tags.PatientID), k -> new LinkedHashMap<>())
                        .computeIfAbsent(key(ds, Tags.StudyInstanceUID), k -> new LinkedHashMap<>())
                        .computeIfAbsent(key(ds, Tags.SeriesInstanceUID), k -> new ArrayList<>()).add(source);
            } catch (DicomException e) {
                problems.add(source + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_INPUT, problems.size() + " files cannot be laid out; "
                    + "first: " + problems.get(0), problems, null);
        }
        List<Path> out = new ArrayList<>();
        int p = 0;
        for (var patient : tree.values()) {
            int st = 0;
            p++;
            for (var study : patient.values()) {
                int se = 0;
                st++;
                for (List<Path> series : study.values()) {
                    se++;
                    int i = 0;
                    for (Path source : series) {
                        i++;
                        out.add(copy(source, root.resolve(String.format("PAT%05d/STU%05d/SER%05d/IMG%05d",
                                check(p), check(st), check(se), check(i)))));
                    }
                }
            }
        }
        return out;
    }

    private static String key(Attributes ds, int tag) {
        String v = ds.getString(tag);
        return v == null ? "" : v;
    }

    private static int check(int n) {
        if (n > MAX) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_INPUT, "more than " + MAX + " entries on one level");
        }
        return n;
    }

    private static Path copy(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.copy(source, target);
        } catch (IOException e) {
            throw new DicomIoException("cannot copy " + source + " to " + target + ": " + e, e);
        }
    }
}
