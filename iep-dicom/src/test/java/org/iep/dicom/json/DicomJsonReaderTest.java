package org.iep.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.iep.dicom.DicomJsonException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** DICOM JSON reading: value kinds, character sets, bulk data, and malformed documents. */
class DicomJsonReaderTest {

    @Test
    void readsEveryValueKind() {
        String json = """
                {
                  "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎"}]},
                  "00080005": {"vr": "CS", "Value": ["ISO_IR 192"]},
                  "00200011": {"vr": "IS", "Value": [7]},
                  "00280030": {"vr": "DS", "Value": [0.5, 1e-3]},
                  "00280010": {"vr": "US", "Value": [512]},
                  "00189073": {"vr": "FD", "Value": [3.25]},
                  "00209165": {"vr": "AT", "Value": ["7FE00010"]},
                  "00091010": {"vr": "OB", "InlineBinary": "AQID"},
                  "00080050": {"vr": "SH"},
                  "00081140": {"vr": "SQ", "Value": [{"00081155": {"vr": "UI", "Value": ["1.2.3"]}}, {}]}
                }
                """;
        Attributes ds = new DicomJsonReader().read(json);
        assertThat(ds.getString(Tags.PatientName)).isEqualTo("Yamada^Tarou=山田^太郎");
        assertThat(ds.getBytes(Tags.PatientName)).isEqualTo("Yamada^Tarou=山田^太郎".getBytes(StandardCharsets.UTF_8));
        assertThat(ds.getInt(Tags.SeriesNumber, 0)).isEqualTo(7);
        assertThat(ds.getStrings(0x00280030)).containsExactly("0.5", "1e-3");
        assertThat(ds.getInt(Tags.Rows, 0)).isEqualTo(512);
        assertThat(ds.getDouble(0x00189073, 0)).isEqualTo(3.25);
        assertThat(ds.getLongs(0x00209165)).containsExactly((long) Tags.PixelData);
        assertThat(ds.getBytes(0x00091010)).containsExactly(1, 2, 3);
        assertThat(ds.get(Tags.AccessionNumber).isEmpty()).isTrue();
        assertThat(ds.getItems(0x00081140)).hasSize(2);
        assertThat(ds.getItems(0x00081140).get(0).getString(0x00081155)).isEqualTo("1.2.3");
    }

    @Test
    void stringsAreEncodedWithTheDeclaredCharacterSetWhateverTheMemberOrder() {
        String json = """
                {"00100010": {"vr": "PN", "Value": [{"Alphabetic": "Buc^Jérôme"}]},
                 "00080005": {"vr": "CS", "Value": ["ISO_IR 100"]}}""";
        Attributes ds = new DicomJsonReader().read(json);
        assertThat(ds.getBytes(Tags.PatientName)).hasSize(10);
        assertThat(ds.getString(Tags.PatientName)).isEqualTo("Buc^Jérôme");
    }

    @Test
    void bulkDataUrisNeedAResolver() {
        String json = "{\"7FE00010\": {\"vr\": \"OW\", \"BulkDataURI\": \"http://x/frames/1\"}}";
        assertThatThrownBy(() -> new DicomJsonReader().read(json))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageStartingWith("IEP-5004: ")
                .hasMessageContaining("BulkDataURI");
        Attributes ds = new DicomJsonReader(uri -> uri.endsWith("/1") ? new byte[] {9, 8} : null).read(json);
        assertThat(ds.getBytes(Tags.PixelData)).containsExactly(9, 8);
        assertThat(ds.get(Tags.PixelData).vr()).isEqualTo(VR.OW);
    }

    @Test
    void malformedDocumentsAreJsonErrors() {
        String deep = "[".repeat(100_000);
        for (String bad : new String[] {"", "{", "{\"0010\": {}}", "{\"00100010\": {\"vr\": \"XX\"}}",
                "{\"00100010\": {\"vr\": \"PN\", \"Value\": 5}}", "{\"00280010\": {\"vr\": \"US\", \"Value\": [\"a\"]}}",
                "{\"00091010\": {\"vr\": \"OB\", \"InlineBinary\": \"***\"}}", "{} x", "{\"a\":1,\"a\":2}", deep,
                "{\"00100010\": {\"vr\": \"PN\", \"Value\": [\"\\u12\"]}}"}) {
            assertThatThrownBy(() -> new DicomJsonReader().read(bad)).as(bad.length() > 50 ? "deep" : bad)
                    .isInstanceOf(DicomJsonException.class);
        }
    }

    @Test
    void writerEscapesAndReaderUnescapes() {
        Attributes ds = new Attributes();
        ds.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(0x00204000, VR.LT, "line \"one\"\r\nline\ttwo \\ end");
        String json = new DicomJsonWriter(BulkDataUris.NONE, false).toJson(ds);
        assertThat(json).contains("\\\"one\\\"\\r\\nline\\ttwo \\\\ end");
        assertThat(new DicomJsonReader().read(json).getString(0x00204000)).isEqualTo("line \"one\"\r\nline\ttwo \\ end");
    }
}
