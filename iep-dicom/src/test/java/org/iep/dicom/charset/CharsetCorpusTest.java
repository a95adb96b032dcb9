package org.iep.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.iep.dicom.Corpus;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tag;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of charset_expected.tsv decodes exactly (pydicom's expected values). */
class CharsetCorpusTest {

    static Stream<String[]> rows() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.dir().resolve("charset_expected.tsv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(9);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void patientNameDecodesExactly(String file, String path, String expected) {
        Attributes ds = DicomReader.read(Corpus.file(file)).dataSet();
        assertThat(resolve(ds, path)).isEqualTo(expected);
    }

    /** "00100010" or "00321064[0].00100010". */
    static String resolve(Attributes ds, String path) {
        Attributes current = ds;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            String s = steps[i];
            int tag = Tag.parse(s.substring(0, 8));
            int index = Integer.parseInt(s.substring(9, s.length() - 1));
            current = current.getItems(tag).get(index);
        }
        return current.getString(Tag.parse(steps[steps.length - 1]));
    }
}
