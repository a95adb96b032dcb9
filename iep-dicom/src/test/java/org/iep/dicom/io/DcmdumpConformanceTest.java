package org.iep.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomParseException;
import org.iep.dicom.tool.DumpFormatter;
import org.junit.jupiter.api.Test;

/**
 * Parses every corpus file that dcmdump reads without error and compares our element tree with
 * dcmtk's dump (see {@link DumpLines} for the normalisation). The exclusion list is explicit:
 * each entry says why it cannot match.
 */
class DcmdumpConformanceTest {

    /** File → reason it is expected to differ. */
    static final Map<String, String> EXCLUDED = Corpus.STRICT_REJECTS;

    @Test
    void everyReadableCorpusFileMatchesDcmdump() throws IOException {
        Map<String, String> failures = new TreeMap<>();
        int total = 0;
        for (Corpus.Entry e : Corpus.manifest()) {
            if (!e.dcmdumpOk()) {
                continue;
            }
            total++;
            String diff = compare(e.path(), ReadOptions.STRICT);
            if (diff != null) {
                failures.put(e.file(), diff);
            }
        }
        StringBuilder report = new StringBuilder();
        failures.forEach((f, d) -> report.append(f).append(":\n").append(d).append('\n'));
        System.out.println("dcmdump conformance: " + (total - failures.size()) + "/" + total + " identical");
        assertThat(failures.keySet()).as(report.toString()).isEqualTo(EXCLUDED.keySet());
        assertThat(total).as("corpus files with dcmdump_ok=yes").isEqualTo(86);
    }

    /** The files our strict reader rejects are read by the opt-in lenient mode exactly as dcmtk reads them. */
    @Test
    void strictRejectsAreReadLikeDcmtkInLenientMode() throws IOException {
        for (String name : EXCLUDED.keySet()) {
            Path file = Corpus.file(name);
            assertThatThrownBy(() -> DicomReader.read(file)).isInstanceOf(DicomParseException.class);
            assertThat(compare(file, ReadOptions.LENIENT)).as(name).isNull();
        }
    }

    /** Null if identical, else a description of the first differences. */
    static String compare(Path file, ReadOptions options) throws IOException {
        String expectedText = Files.readString(Path.of(file + ".dcmdump.txt"), StandardCharsets.ISO_8859_1);
        List<String> expected = DumpLines.parse(expectedText);
        List<String> actual;
        try {
            DicomFile f = DicomReader.read(file, options);
            actual = DumpLines.parse(new DumpFormatter(DumpFormatter.Strings.RAW, 4096).format(f));
        } catch (RuntimeException ex) {
            return "  exception: " + ex;
        }
        if (expected.equals(actual)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && shown < 6; i++) {
            String a = i < actual.size() ? actual.get(i) : "<none>";
            String x = i < expected.size() ? expected.get(i) : "<none>";
            if (!a.equals(x)) {
                sb.append("  line ").append(i).append("\n    dcmtk: ").append(abbrev(x)).append("\n    ours:  ")
                        .append(abbrev(a)).append('\n');
                shown++;
            }
        }
        sb.append("  (").append(expected.size()).append(" dcmtk lines, ").append(actual.size()).append(" ours)");
        return sb.toString();
    }

    private static String abbrev(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

}
