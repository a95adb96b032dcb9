package org.iep.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomValueException;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

/** The data model: ordering, typed accessors, character-set inheritance, VR facts, tags. */
class AttributesTest {

    @Test
    void elementsAreOrderedAsUnsignedTags() {
        Attributes ds = new Attributes();
        ds.setBytes(Tags.DataSetTrailingPadding, VR.OB, new byte[2]);
        ds.setString(Tags.PatientID, VR.LO, "42");
        ds.setBytes(Tags.PixelData, VR.OW, new byte[4]);
        assertThat(ds.tags()).containsExactly(Tags.PatientID, Tags.PixelData, Tags.DataSetTrailingPadding);
    }

    @Test
    void setGetRemoveKeepTheOrderAgainstASortedModel() {
        java.util.Random random = new java.util.Random(7);
        Attributes ds = new Attributes();
        java.util.TreeMap<Integer, DicomElement> model = new java.util.TreeMap<>(Integer::compareUnsigned);
        for (int step = 0; step < 5_000; step++) {
            int tag = random.nextInt(64) * 0x04000401; // spans both signs of the int, so unsigned order matters
            if (random.nextInt(4) == 0) {
                assertThat(ds.remove(tag)).isEqualTo(model.remove(tag));
            } else {
                DicomElement e = ValueElement.wrap(tag, VR.OB, new byte[] {(byte) step, 0});
                assertThat(ds.set(e)).isEqualTo(model.put(tag, e));
            }
            assertThat(ds.get(tag)).isEqualTo(model.get(tag));
        }
        assertThat(ds.tags()).containsExactlyElementsOf(model.keySet());
        assertThat(ds.elements()).containsExactlyElementsOf(model.values());
        assertThat(ds.size()).isEqualTo(model.size());
        assertThat(ds.copy()).isEqualTo(ds).hasSameHashCodeAs(ds);
        assertThatThrownBy(() -> {
            for (DicomElement e : ds.elements()) {
                ds.remove(e.tag());
            }
        }).isInstanceOf(java.util.ConcurrentModificationException.class);
    }

    @Test
    void typedAccessorsReadWhatTheSettersWrote() {
        Attributes ds = new Attributes();
        ds.setInt(Tags.Rows, VR.US, 512);
        ds.setInt(0x00281052, VR.SS, -1024);
        ds.setInt(Tags.SeriesNumber, VR.IS, 7, -3);
        ds.setDouble(0x00280030, VR.DS, 0.5, 1.25);
        ds.setDouble(0x00189073, VR.FD, Math.PI);
        ds.setString(Tags.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setInt(0x00209165, VR.AT, Tags.PatientName);
        assertThat(ds.getInt(Tags.Rows, 0)).isEqualTo(512);
        assertThat(ds.getInt(0x00281052, 0)).isEqualTo(-1024);
        assertThat(ds.getInts(Tags.SeriesNumber)).containsExactly(7, -3);
        assertThat(ds.getDoubles(0x00280030)).containsExactly(0.5, 1.25);
        assertThat(ds.getDouble(0x00189073, 0)).isEqualTo(Math.PI);
        assertThat(ds.getStrings(Tags.ImageType)).containsExactly("ORIGINAL", "PRIMARY");
        assertThat(ds.getString(0x00209165)).isEqualTo("00100010");
        assertThat(ds.getString(Tags.PatientName)).isNull();
        assertThat(ds.getInt(Tags.Columns, -1)).isEqualTo(-1);
        assertThatThrownBy(() -> ds.setInt(Tags.Rows, VR.US, 70000)).isInstanceOf(DicomValueException.class);
    }

    @Test
    void malformedNumbersRaiseTheValueError() {
        Attributes ds = DicomReader.read(Corpus.file("badVR.dcm")).dataSet();
        assertThat(ds.getString(Tags.NumberOfFrames)).isEqualTo("1A");
        assertThatThrownBy(() -> ds.getInt(Tags.NumberOfFrames, 0))
                .isInstanceOf(DicomValueException.class)
                .hasMessageContaining("\"1A\"")
                .satisfies(e -> assertThat(((DicomValueException) e).code()).isEqualTo(DicomErrorCode.VALUE));
    }

    @Test
    void itemsInheritTheCharacterSetUnlessTheyDeclareTheirOwn() {
        Attributes ds = new Attributes();
        ds.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        SequenceElement seq = ds.newSequence(Tags.RequestedProcedureCodeSequence);
        Attributes inherits = seq.addItem();
        inherits.setString(Tags.PatientName, VR.PN, "Buc^Jérôme");
        assertThat(inherits.getBytes(Tags.PatientName)).hasSize(10); // one byte per character: Latin-1
        Attributes own = seq.addItem();
        own.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        own.setString(Tags.PatientName, VR.PN, "Buc^Jérôme");
        assertThat(own.getBytes(Tags.PatientName)).isEqualTo("Buc^Jérôme".getBytes(StandardCharsets.UTF_8));
        assertThat(inherits.getString(Tags.PatientName)).isEqualTo("Buc^Jérôme");
        assertThat(own.getString(Tags.PatientName)).isEqualTo("Buc^Jérôme");
        assertThat(inherits.parent()).isSameAs(ds);
    }

    @Test
    void privateElementsKnowTheirCreator() {
        Attributes ds = DicomReader.read(Corpus.file("CT_small.dcm")).dataSet();
        assertThat(ds.getPrivateCreator(0x00091001)).isEqualTo("GEMS_IDEN_01");
        assertThat(ds.getPrivateCreator(Tags.PatientName)).isNull();
        Attributes implicit = DicomReader.read(Corpus.file("priv_SQ.dcm")).dataSet();
        assertThat(implicit.get(0x3F031001).vr()).isEqualTo(VR.UN);
        assertThat(implicit.getPrivateCreator(0x3F031001)).isEqualTo("aaabbbccc MEDICAL SYSTEMS");
    }

    @Test
    void longHeaderVrsAreExactlyThoseOfPs35Section712() {
        EnumSet<VR> expected = EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV, VR.UC, VR.UN,
                VR.UR, VR.UT, VR.UV);
        for (VR vr : VR.values()) {
            assertThat(vr.hasLongHeader()).as(vr.name()).isEqualTo(expected.contains(vr));
        }
        assertThat(VR.values()).hasSize(34);
        assertThat(VR.ofCode('O', 'V')).isEqualTo(VR.OV);
        assertThat(VR.ofCode('Q', 'Q')).isNull();
    }

    @Test
    void tagsFormatAndParse() {
        assertThat(Tag.format(Tags.PatientName)).isEqualTo("(0010,0010)");
        assertThat(Tag.format(Tags.PixelData)).isEqualTo("(7fe0,0010)");
        assertThat(Tag.format(0xFFFEE0DD)).isEqualTo("(fffe,e0dd)");
        assertThat(Tag.format(0x0009ABCD)).isEqualTo(String.format("(%04x,%04x)", 0x0009, 0xABCD));
        assertThat(Tag.toHex(Tags.PixelData)).isEqualTo("7FE00010");
        assertThat(Tag.parse("(7fe0,0010)")).isEqualTo(Tags.PixelData);
        assertThat(Tag.parse("FFFCFFFC")).isEqualTo(Tags.DataSetTrailingPadding);
        assertThat(Tag.isPrivate(0x00091001)).isTrue();
        assertThat(Tag.isPrivate(0x00010001)).isFalse();
        assertThat(Tag.creatorOf(0x00291110)).isEqualTo(0x00290011);
        assertThat(Tag.of(0x0010, 0x0020).value()).isEqualTo(Tags.PatientID);
        assertThatThrownBy(() -> Tag.parse("0010")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameDataSetDecodesAlikeInEveryTransferSyntax() {
        Attributes reference = DicomReader.read(Corpus.file("MR_small.dcm")).dataSet();
        for (String f : new String[] {"MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm",
                "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm"}) {
            Attributes other = DicomReader.read(Corpus.file(f)).dataSet();
            for (DicomElement e : reference.elements()) {
                if (e.tag() == Tags.PixelData || e.tag() == Tags.DataSetTrailingPadding || !e.vr().isString()) {
                    continue;
                }
                if (other.contains(e.tag())) {
                    assertThat(other.getStrings(e.tag())).as(f + " " + Tag.format(e.tag()))
                            .containsExactly(reference.getStrings(e.tag()));
                }
            }
            assertThat(other.getInt(Tags.Rows, 0)).isEqualTo(64);
            assertThat(other.getString(Tags.PatientID)).isEqualTo("4MR1");
        }
    }
}
