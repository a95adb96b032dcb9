package org.iep.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.iep.dicom.DicomCharsetException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Encode → decode round trips per character set, and the escape sequences PS3.5 prescribes. */
class SpecificCharacterSetTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ISO_IR 100|Buc^Jérôme",
        "ISO_IR 101|Łukasz^Dvořák",
        "ISO_IR 109|Ġużeppi^Ħabib",
        "ISO_IR 110|Jānis^Šķēle",
        "ISO_IR 126|Διονυσιος",
        "ISO_IR 127|قباني^لنزار",
        "ISO_IR 138|שרון^דבורה",
        "ISO_IR 144|Люкceмбypг",
        "ISO_IR 148|Çavuşoğlu^Işıl",
        "ISO_IR 166|ประเทศไทย",
        "ISO_IR 192|Wang^XiaoDong=王^小東",
        "GB18030|Wang^XiaoDong=王^小东=",
        "GBK|Wang^XiaoDong=王^小东",
        "\\ISO 2022 IR 87|Yamada^Tarou=山田^太郎=やまだ^たろう",
        "ISO 2022 IR 13\\ISO 2022 IR 87|ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        "\\ISO 2022 IR 149|Hong^Gildong=洪^吉洞=홍^길동",
        "\\ISO 2022 IR 58|Zhang^SanFeng=张^三丰",
        "\\ISO 2022 IR 159|Ma^丂",
        "ISO 2022 IR 100\\ISO 2022 IR 126|Buc^Jérôme=Διονυσιος",
    })
    void encodeThenDecodeGivesTheSameText(String terms, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(terms.split("\\\\", -1));
        byte[] encoded = cs.encode(text, TextKind.PERSON_NAME);
        assertThat(cs.decode(encoded, TextKind.PERSON_NAME)).isEqualTo(text);
    }

    @Test
    void japaneseUsesJisEscapesAndReturnsToAsciiBeforeDelimiters() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        byte[] b = cs.encode("Yamada^Tarou=山田^太郎", TextKind.PERSON_NAME);
        String latin = new String(b, StandardCharsets.ISO_8859_1);
        assertThat(latin.replace("\u001b", "ESC"))
                .isEqualTo("Yamada^Tarou=ESC$B;3EDESC(B^ESC$BB@O:ESC(B");
    }

    @Test
    void koreanDesignatesKsX1001ToG1() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        byte[] b = cs.encode("홍", TextKind.PERSON_NAME);
        assertThat(b).startsWith(0x1b, '$', ')', 'C');
        assertThat(b[4] & 0xFF).isGreaterThanOrEqualTo(0xA1);
    }

    @Test
    void defaultRepertoireRejectsWhatItCannotEncode() {
        assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.encode("Jérôme", TextKind.PERSON_NAME))
                .isInstanceOf(DicomCharsetException.class)
                .hasMessageStartingWith("IEP-5005: ")
                .hasMessageContaining("U+00E9");
    }

    @Test
    void unknownTermsFallBackToTheDefaultRepertoireForDecoding() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
        assertThat(cs.decode("ABC".getBytes(StandardCharsets.US_ASCII), TextKind.MULTI_VALUED)).isEqualTo("ABC");
    }

    @Test
    void textStateResetsAtLineBreaks() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        String text = "山田\r\nok";
        assertThat(cs.decode(cs.encode(text, TextKind.TEXT), TextKind.TEXT)).isEqualTo(text);
    }
}
