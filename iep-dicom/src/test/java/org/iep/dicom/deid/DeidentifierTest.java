package org.iep.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.ElementDictionary;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven over option combinations: a data set holding every attribute of Table E.1-1 that has a tag of its own,
 * each with a recognisable original value, goes through the engine; each attribute must show its action, and no
 * original that the action replaces may survive anywhere in the written bytes.
 */
class DeidentifierTest {
    static final Pseudonyms KEY = new Pseudonyms("0123456789abcdef-test-key".getBytes(StandardCharsets.US_ASCII));
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;

    static Stream<Set<DeidOption>> combinations() {
        List<Set<DeidOption>> all = new ArrayList<>();
        all.add(Set.of());
        for (DeidOption o : DeidOption.values()) {
            all.add(Set.of(o));
        }
        all.add(EnumSet.of(DeidOption.RETAIN_UIDS, DeidOption.RETAIN_LONG_MODIFIED_DATES,
                DeidOption.CLEAN_DESCRIPTORS));
        all.add(EnumSet.of(DeidOption.RETAIN_DEVICE_IDENTITY, DeidOption.RETAIN_INSTITUTION_IDENTITY,
                DeidOption.RETAIN_PATIENT_CHARACTERISTICS, DeidOption.RETAIN_LONG_FULL_DATES,
                DeidOption.CLEAN_STRUCTURED_CONTENT, DeidOption.CLEAN_GRAPHICS));
        return all.stream();
    }

    /** Every row with a tag of its own (not a pattern), with a value of its dictionary VR. */
    static Attributes everything() {
        Attributes ds = new Attributes();
        ds.setString(0x00080005, VR.CS, "ISO_IR 192");
        for (DeidTable.Row row : DeidTable.standard().rows()) {
            if (row.mask() != 0xFFFFFFFF || (row.tag() >>> 16) == 0x0002 || (row.tag() >>> 16) == 0x0000) {
                continue;
            }
            VR vr = ElementDictionary.standard().vrOf(row.tag());
            ds.set(original(row.tag(), vr));
        }
        return ds;
    }

    static DicomElement original(int tag, VR vr) {
        String marker = String.format("ORIG%08X", tag);
        return switch (vr) {
            case SQ -> {
                SequenceElement s = new SequenceElement(tag);
                Attributes item = s.addItem();
                item.setString(0x00081155, VR.UI, "1.2.3." + Integer.toUnsignedString(tag));
                item.setString(0x00100010, VR.PN, marker + "^ITEM");
                yield s;
            }
            case UI -> text(tag, vr, "1.2.3." + Integer.toUnsignedString(tag));
            case DA -> text(tag, vr, "20200102");
            case TM -> text(tag, vr, "101112");
            case DT -> text(tag, vr, "20200102101112");
            case AS -> text(tag, vr, "042Y");
            case DS, IS -> text(tag, vr, "7");
            case AE, CS, SH -> text(tag, vr, marker);
            case PN, LO, LT, ST, UT, UC -> text(tag, vr, marker + " TEXT");
            case UR -> text(tag, vr, "http://example.org/" + marker);
            case US, SS -> ValueElement.of(tag, vr, new byte[] {7, 0});
            case UL, SL, FL, AT -> ValueElement.of(tag, vr, new byte[] {7, 0, 0, 0});
            case FD, SV, UV -> ValueElement.of(tag, vr, new byte[] {7, 0, 0, 0, 0, 0, 0, 0});
            default -> ValueElement.of(tag, vr, marker.getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static DicomElement text(int tag, VR vr, String value) {
        Attributes a = new Attributes();
        a.setString(tag, vr, value);
        return a.get(tag);
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void everyAttributeOfTheTableGetsItsAction(Set<DeidOption> options) {
        Attributes in = everything();
        DeidProfile profile = new DeidProfile("test", options, java.util.Map.of(), Set.of());
        Attributes out = new Deidentifier(profile, KEY).deidentify(in);
        int checked = 0;
        for (DeidTable.Row row : DeidTable.standard().rows()) {
            int tag = row.tag();
            if (!in.contains(tag) || tag == PATIENT_ID || tag == PATIENT_NAME) {
                continue;
            }
            DeidAction action = DeidTable.action(row, options);
            DicomElement before = in.get(tag);
            DicomElement after = out.get(tag);
            String where = String.format("(%04X,%04X) %s %s", tag >>> 16, tag & 0xFFFF, row.name(), action);
            switch (action) {
                case X -> assertThat(after).as(where).isNull();
                case Z -> assertThat(after).as(where).isNotNull().satisfies(e -> assertThat(e.isEmpty()).isTrue());
                case K -> {
                    assertThat(after).as(where).isNotNull();
                    if (!(before instanceof SequenceElement)) {
                        assertThat(after).as(where).isEqualTo(before);
                    }
                }
                case D, C, U -> {
                    assertThat(after).as(where).isNotNull();
                    if (!(before instanceof SequenceElement)) {
                        assertThat(after).as(where).isNotEqualTo(before);
                    }
                    if (before.vr() == VR.UI) {
                        assertThat(out.getString(tag)).as(where).startsWith("2.25.");
                    }
                }
                default -> throw new AssertionError(where);
            }
            checked++;
        }
        assertThat(checked).as("attributes checked").isGreaterThan(450);
        assertThat(out.getString(0x00120062)).isEqualTo("YES");
        assertThat(out.getString(PATIENT_ID)).isEqualTo(KEY.patientId(in.getString(PATIENT_ID))).doesNotContain("ORIG");
        assertThat(out.getItems(0x00120064)).hasSize(1 + options.size());
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void noReplacedOriginalSurvivesInTheWrittenBytes(Set<DeidOption> options) {
        Attributes in = everything();
        Attributes out = new Deidentifier(new DeidProfile("test", options, java.util.Map.of(), Set.of()), KEY)
                .deidentify(in);
        String bytes = new String(new DicomWriter().toBytes(new Attributes(), out,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), StandardCharsets.ISO_8859_1);
        List<String> leaked = new ArrayList<>();
        for (DeidTable.Row row : DeidTable.standard().rows()) {
            if (!in.contains(row.tag()) || DeidTable.action(row, options) == DeidAction.K) {
                continue;
            }
            String marker = String.format("ORIG%08X", row.tag());
            if (bytes.contains(marker)) {
                leaked.add(row.name());
            }
            if (in.get(row.tag()).vr() == VR.UI && bytes.contains("1.2.3." + Integer.toUnsignedString(row.tag())
                    + "\0") && DeidTable.action(row, options) != DeidAction.K) {
                leaked.add(row.name() + " (UID)");
            }
        }
        assertThat(leaked).as("originals left in the output").isEmpty();
        assertThat(bytes).doesNotContain("ORIG00100010").doesNotContain("ORIG00100020");
    }

    @org.junit.jupiter.api.Test
    void theSameKeyGivesTheSameUidsAndPseudonymsAndAnotherKeyOthers() {
        Attributes in = everything();
        Deidentifier a = new Deidentifier(DeidProfile.basic(), KEY);
        Deidentifier b = new Deidentifier(DeidProfile.basic(), new Pseudonyms(
                "another key of 16+ bytes".getBytes(StandardCharsets.US_ASCII)));
        Attributes first = a.deidentify(in);
        Attributes again = a.deidentify(in);
        Attributes other = b.deidentify(in);
        for (int tag : new int[] {0x0020000D, 0x0020000E, 0x00080018, PATIENT_ID}) {
            assertThat(again.getString(tag)).isEqualTo(first.getString(tag));
            assertThat(other.getString(tag)).isNotEqualTo(first.getString(tag));
        }
        assertThat(first.getString(0x00080018)).matches("2\\.25\\.[1-9][0-9]{0,38}").hasSizeLessThanOrEqualTo(64);
    }

    @org.junit.jupiter.api.Test
    void modifiedDatesMoveEveryDateOfAPatientByTheSameDays() {
        Attributes in = new Attributes();
        in.setString(PATIENT_ID, VR.LO, "P1");
        in.setString(0x00080020, VR.DA, "20200301");
        in.setString(0x00080021, VR.DA, "20200302");
        DeidProfile p = DeidProfile.of("dates", DeidOption.RETAIN_LONG_MODIFIED_DATES);
        Attributes out = new Deidentifier(p, KEY).deidentify(in);
        int days = KEY.dateShiftDays("P1");
        assertThat(out.getString(0x00080020)).isEqualTo(java.time.LocalDate.of(2020, 3, 1).minusDays(days)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(out.getString(0x00080021)).isEqualTo(java.time.LocalDate.of(2020, 3, 2).minusDays(days)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(out.getString(0x00280303)).isEqualTo("MODIFIED");
    }

    @org.junit.jupiter.api.Test
    void privateAttributesGoUnlessListedAsSafe() {
        Attributes in = new Attributes();
        in.setString(0x00090010, VR.LO, "ACME 1.0");
        in.setString(0x00091001, VR.LO, "kept");
        in.setString(0x00091002, VR.LO, "secret");
        DeidProfile safe = DeidProfile.of("safe", DeidOption.RETAIN_SAFE_PRIVATE).withSafePrivate("ACME 1.0", 0x01);
        Attributes kept = new Deidentifier(safe, KEY).deidentify(in);
        Attributes basic = new Deidentifier(DeidProfile.basic(), KEY).deidentify(in);
        assertThat(kept.getString(0x00091001)).isEqualTo("kept");
        assertThat(kept.contains(0x00091002)).isFalse();
        assertThat(basic.tags()).noneMatch(t -> (t >>> 16) == 0x0009);
    }

    @org.junit.jupiter.api.Test
    void aFileStreamsThroughWithItsPixelDataAndBurnedInAnnotationIsReported() {
        Attributes ds = new Attributes();
        ds.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(0x00080018, VR.UI, "1.2.3.4.5");
        ds.setString(PATIENT_NAME, VR.PN, "Jones^Mary");
        ds.setString(PATIENT_ID, VR.LO, "S123456");
        ds.setString(0x00280301, VR.CS, "YES");
        byte[] pixels = new byte[4096];
        new java.util.Random(3).nextBytes(pixels);
        ds.setBytes(0x7FE00010, VR.OB, pixels);
        byte[] file = new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DeidResult r = new Deidentifier(DeidProfile.basic(), KEY).deidentify(new ByteArrayInputStream(file), out);

        assertThat(r.burnedInAnnotation()).isTrue();
        var back = DicomReader.read(out.toByteArray());
        assertThat(back.dataSet().getBytes(0x7FE00010)).isEqualTo(pixels);
        assertThat(back.fileMeta().getString(0x00020003)).isEqualTo(r.sopInstanceUid()).startsWith("2.25.");
        assertThat(java.util.Arrays.copyOf(out.toByteArray(), 128)).containsOnly(0);
        assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("Jones")
                .doesNotContain("S123456").doesNotContain("1.2.3.4.5");
        // the header reported is the one written, so a caller indexes it without reading the file back
        assertThat(r.header().transferSyntax()).isEqualTo(back.transferSyntax());
        for (int tag : new int[] {0x00080018, PATIENT_NAME, PATIENT_ID, 0x00120062, 0x00280301}) {
            assertThat(r.header().dataSet().getString(tag)).as(Integer.toHexString(tag))
                    .isEqualTo(back.dataSet().getString(tag));
        }
    }
}
