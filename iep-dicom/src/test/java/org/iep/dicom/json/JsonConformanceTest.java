package org.iep.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iep.dicom.Corpus;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

/**
 * Our DICOM JSON equals dcm2json's for every corpus file that has a .json or .nopixel.json oracle
 * (compared semantically, see {@link JsonCompare}); and JSON → data set → JSON is the identity.
 */
class JsonConformanceTest {

    @Test
    void ourJsonMatchesDcm2json() throws IOException {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Corpus.Entry e : Corpus.manifest()) {
            String ok = e.get("dcm2json_ok");
            if (!ok.equals("yes") && !ok.equals("nopixel") || Corpus.STRICT_REJECTS.containsKey(e.file())) {
                continue;
            }
            boolean nopixel = ok.equals("nopixel");
            Path oracle = Path.of(e.path() + (nopixel ? ".nopixel.json" : ".json"));
            Attributes ds = DicomReader.read(e.path()).dataSet();
            if (nopixel) {
                removePixelData(ds); // as dcmodify -ea "(7fe0,0010)" did before dcm2json
            }
            String ours = new DicomJsonWriter().toJson(ds);
            Object expected = JsonParser.parse(Files.readString(oracle, StandardCharsets.UTF_8));
            List<String> d = JsonCompare.diff(expected, JsonParser.parse(ours),
                    nopixel ? new String[] {"7FE00010", "FFFCFFFC"} : new String[0]);
            if (!d.isEmpty()) {
                problems.add(e.file() + ": " + d.subList(0, Math.min(4, d.size())));
            }
            compared++;
        }
        assertThat(problems).isEmpty();
        assertThat(compared).isEqualTo(83 - Corpus.STRICT_REJECTS.size()); // 66 .json + 17 .nopixel.json
    }

    @Test
    void jsonReadBackAndWrittenAgainIsIdentical() throws IOException {
        for (Corpus.Entry e : Corpus.manifest()) {
            if (!e.dcmdumpOk() || Corpus.STRICT_REJECTS.containsKey(e.file())) {
                continue;
            }
            Attributes ds = DicomReader.read(e.path()).dataSet();
            removePixelData(ds);
            String first = new DicomJsonWriter().toJson(ds);
            Attributes back = new DicomJsonReader().read(first);
            String second = new DicomJsonWriter().toJson(back);
            assertThat(second.split("\n")).as(e.file()).containsExactly(first.split("\n"));
        }
    }

    /** dcm2json's documents read by our reader and written again are the same documents. */
    @Test
    void dcm2jsonDocumentsSurviveOurReaderAndWriter() throws IOException {
        int count = 0;
        List<String> problems = new ArrayList<>();
        for (Corpus.Entry e : Corpus.manifest()) {
            String ok = e.get("dcm2json_ok");
            if (!ok.equals("yes") && !ok.equals("nopixel")) {
                continue;
            }
            Path oracle = Path.of(e.path() + (ok.equals("nopixel") ? ".nopixel.json" : ".json"));
            String text = Files.readString(oracle, StandardCharsets.UTF_8);
            String ours = new DicomJsonWriter().toJson(new DicomJsonReader().read(text));
            List<String> d = JsonCompare.diff(JsonParser.parse(text), JsonParser.parse(ours));
            if (!d.isEmpty()) {
                problems.add(e.file() + ": " + d.subList(0, Math.min(4, d.size())));
            }
            count++;
        }
        assertThat(problems).isEmpty();
        assertThat(count).isEqualTo(83);
    }

    static void removePixelData(Attributes ds) {
        ds.remove(Tags.PixelData);
        for (DicomElement el : ds.elements()) {
            if (el instanceof SequenceElement s) {
                for (Attributes item : s.items()) {
                    removePixelData(item);
                }
            }
        }
    }
}
