package org.iep.dicom.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.net.dimse.FindHandler;
import org.iep.dicom.net.dimse.MoveHandler;

/**
 * A test archive over a directory of Part 10 files: single-value matching (exact, or a trailing '*'), one answer
 * per distinct value of the level's unique key, and the matching files for C-MOVE / C-GET.
 */
final class DirectoryArchive implements FindHandler, MoveHandler {
    static final int LEVEL = 0x00080052;
    private final Path dir;
    private final Map<String, Destination> destinations;

    DirectoryArchive(Path dir, Map<String, Destination> destinations) {
        this.dir = dir;
        this.destinations = destinations;
    }

    @Override
    public Iterator<Attributes> find(String sopClass, Attributes keys) {
        int unique = uniqueKey(keys.getString(LEVEL, "STUDY"));
        Map<String, Attributes> answers = new LinkedHashMap<>();
        for (Map.Entry<Path, Attributes> e : matching(keys).entrySet()) {
            Attributes a = new Attributes();
            for (DicomElement k : keys.elements()) {
                String v = e.getValue().getString(k.tag());
                if (k.tag() == LEVEL) {
                    a.setString(LEVEL, k.vr(), keys.getString(LEVEL));
                } else if (v != null) {
                    a.setString(k.tag(), k.vr(), v);
                } else {
                    a.setEmpty(k.tag(), k.vr());
                }
            }
            answers.putIfAbsent(e.getValue().getString(unique, ""), a);
        }
        return answers.values().iterator();
    }

    @Override
    public List<Path> instances(String sopClass, Attributes keys) throws IOException {
        return new ArrayList<>(matching(keys).keySet());
    }

    @Override
    public Destination destination(String aeTitle) {
        return destinations.get(aeTitle);
    }

    private Map<Path, Attributes> matching(Attributes keys) {
        Map<Path, Attributes> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Path f : files) {
            Attributes ds;
            try (DicomReader r = DicomReader.open(f)) {
                ds = r.readUntilPixelData().dataSet();
            }
            boolean ok = true;
            for (DicomElement k : keys.elements()) {
                String want = keys.getString(k.tag());
                // Specific Character Set says how the keys are encoded; it is not matched (PS3.4 C.2.2.2)
                if (k.tag() == LEVEL || k.tag() == 0x00080005 || want == null || want.isEmpty()) {
                    continue;
                }
                String have = ds.getString(k.tag(), "");
                ok &= want.endsWith("*") ? have.startsWith(want.substring(0, want.length() - 1)) : have.equals(want);
            }
            if (ok) {
                out.put(f, ds);
            }
        }
        return out;
    }

    private static int uniqueKey(String level) {
        return switch (level) {
            case "PATIENT" -> 0x00100020;
            case "SERIES" -> 0x0020000E;
            case "IMAGE" -> 0x00080018;
            default -> 0x0020000D;
        };
    }
}
