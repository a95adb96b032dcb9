package org.iep.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iep.dicom.Corpus;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** The dictionary and UID registry against shared/dicom/standard, and the hand-picked constants. */
class DictionaryTest {

    private static Path standard(String name) {
        return Corpus.sharedDir().resolve("dicom/standard").resolve(name);
    }

    @Test
    void bundledTablesAreCopiesOfTheSharedOnes() throws IOException {
        for (String name : List.of("dictionary.tsv", "uids.tsv")) {
            byte[] bundled = ElementDictionary.class.getResourceAsStream(name).readAllBytes();
            assertThat(bundled).as(name).isEqualTo(Files.readAllBytes(standard(name)));
        }
    }

    @Test
    void everyDictionaryRowIsFoundWithItsKeywordVrVmAndRetiredFlag() throws IOException {
        ElementDictionary dict = ElementDictionary.standard();
        List<String> lines = Files.readAllLines(standard("dictionary.tsv"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            for (char digit : new char[] {'0', '2', 'E'}) {
                int tag = (int) Long.parseLong(f[0].replace('x', digit), 16);
                DictionaryEntry e = dict.lookup(tag);
                String expected = f[1] + "|" + f[2] + "|" + f[3] + "|" + f[5];
                String actual = e == null ? "null" : e.keyword() + "|" + String.join(" or ",
                        e.vrs().stream().map(VR::name).toList()) + "|" + e.vm() + "|" + (e.retired() ? "Y" : "N");
                // an exact entry may legitimately shadow one instance of a repeating entry
                if (!actual.equals(expected) && (f[0].indexOf('x') < 0 || e == null || e.isRepeating())) {
                    problems.add(f[0] + " (" + Integer.toHexString(tag) + "): " + expected + " vs " + actual);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(dict.size()).isEqualTo(lines.size() - 1);
    }

    @Test
    void repeatingGroupsAndPrivateElements() {
        ElementDictionary dict = ElementDictionary.standard();
        assertThat(dict.lookup(0x60023000).keyword()).isEqualTo("OverlayData");
        assertThat(dict.lookup(0x601E0010).keyword()).isEqualTo("OverlayRows");
        assertThat(dict.vrOf(0x00090010)).isEqualTo(VR.LO); // private creator
        assertThat(dict.vrOf(0x00091001)).isEqualTo(VR.UN); // private data: UN in implicit VR
        assertThat(dict.vrOf(0x00190000)).isEqualTo(VR.UL); // group length
        assertThat(dict.vrOf(0x00080001)).isEqualTo(VR.UL); // retired Length to End
        assertThat(dict.vrOf(0x00081234)).isEqualTo(VR.UN); // not in the standard
        assertThat(dict.lookup("PatientName").pattern()).isEqualTo("00100010");
    }

    @Test
    void everyUidRowIsRegistered() throws IOException {
        List<String> lines = Files.readAllLines(standard("uids.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            UidEntry e = UidDictionary.standard().lookup(f[0]);
            assertThat(e).as(f[0]).isNotNull();
            assertThat(e.name()).isEqualTo(f[1]);
            assertThat(e.type()).isEqualTo(f[2]);
            assertThat(e.keyword()).isEqualTo(f[3]);
            assertThat(e.retired()).isEqualTo(f[4].equals("Y"));
        }
    }

    @Test
    void handPickedConstantsAgreeWithTheTables() throws IllegalAccessException {
        for (Field f : Tags.class.getFields()) {
            assertThat(ElementDictionary.standard().keywordOf(f.getInt(null))).as(f.getName()).isEqualTo(f.getName());
        }
        for (Field f : UIDs.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("IEP")) {
                UidEntry e = UidDictionary.standard().lookup((String) f.get(null));
                assertThat(e).as(f.getName()).isNotNull();
                assertThat(e.keyword()).isEqualTo(f.getName());
            }
        }
        assertThat(UIDs.IEPImplementationClassUID).matches("2\\.25\\.[1-9][0-9]*").hasSizeLessThanOrEqualTo(64);
        assertThat(UIDs.IEPImplementationVersionName).hasSizeLessThanOrEqualTo(16);
    }

    @Test
    void transferSyntaxes() {
        assertThat(TransferSyntax.of("1.2.840.10008.1.2")).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.1\0").explicitVr()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.2").bigEndian()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.1.99").deflated()).isTrue();
        TransferSyntax jpeg = TransferSyntax.of(UIDs.JPEGBaseline8Bit);
        assertThat(jpeg.encapsulated()).isTrue();
        assertThat(jpeg.explicitVr()).isTrue();
        assertThat(jpeg.name()).isEqualTo("JPEG Baseline (Process 1)");
    }
}
