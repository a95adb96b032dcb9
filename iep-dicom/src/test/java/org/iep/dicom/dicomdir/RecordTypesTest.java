package org.iep.dicom.dicomdir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iep.dicom.Corpus;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records other than IMAGE, typed by SOP class: corpus SR, waveform and RT objects (with the type 1 keys they lack
 * filled in, as dcmmkdir refuses them too otherwise) plus a presentation state, a key object selection and an
 * encapsulated PDF built here, and a color palette (a record at the root, beside the patients). rtdose_rle.dcm
 * holds its standard elements as UN: the records get them with their dictionary VR, as dcmtk's. dcmmkdir makes the
 * same records for the same files.
 */
class RecordTypesTest {

    @TempDir
    Path tmp;

    @Test
    void otherRecordTypesMatchDcmmkdir() throws IOException {
        Path root = tmp.resolve("set");
        Files.createDirectories(root.resolve("MIXED"));
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (String name : List.of("test-SR.dcm", "reportsi.dcm", "waveform_ecg.dcm", "rtplan.dcm", "rtdose_rle.dcm",
                "CT_small.dcm", "dx_image.dcm")) {
            DicomFile f = DicomReader.read(Corpus.file(name));
            completeKeys(f.dataSet(), ++n);
            TransferSyntax ts = f.transferSyntax().isNative() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                    : f.transferSyntax();
            files.add(write(root, "F" + n, f.dataSet(), ts));
        }
        files.add(write(root, "PR", presentationState(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.add(write(root, "KO", keyObjects(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.add(write(root, "PDF", encapsulatedPdf(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.add(Files.copy(Corpus.file("hotiron.dcm"), root.resolve("MIXED/PAL"))); // a root-level record
        DicomDir theirs = FileSets.dcmmkdir(root, tmp.resolve("dcmtk"), "-Nxc");
        DicomDir ours = new DicomDirWriter().write(root, files);
        FileSets.assertDcmtkClean(root.resolve("DICOMDIR"));
        assertThat(String.join("\n", RecordComparison.differences(ours, theirs))).isEmpty();
        Map<String, String> typeByFile = new java.util.TreeMap<>();
        ours.fileRecords().forEach(r -> typeByFile.put(r.fileIdString(), r.type()));
        assertThat(typeByFile.remove("MIXED\\PAL")).isEqualTo("PALETTE");
        assertThat(typeByFile).containsExactlyInAnyOrderEntriesOf(Map.of(
                "MIXED\\F1", "SR DOCUMENT", "MIXED\\F2", "SR DOCUMENT", "MIXED\\F3", "WAVEFORM",
                "MIXED\\F4", "RT PLAN", "MIXED\\F5", "RT DOSE", "MIXED\\F6", "IMAGE", "MIXED\\F7", "IMAGE",
                "MIXED\\PR", "PRESENTATION", "MIXED\\KO", "KEY OBJECT DOC", "MIXED\\PDF", "ENCAP DOC"));
        assertThat(ours.roots()).filteredOn(r -> r.type().equals("PALETTE")).hasSize(1);
        DirectoryRecord ko = ours.fileRecords().stream().filter(r -> r.type().equals("KEY OBJECT DOC")).findFirst()
                .orElseThrow();
        assertThat(ko.attributes().getItems(Tags.ContentSequence)).hasSize(1); // only the HAS CONCEPT MOD item
    }

    @Test
    void sopClassesMapToTheirRecordTypes() {
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.88.76")).isEqualTo("SR DOCUMENT");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.9.4.1")).isEqualTo("WAVEFORM");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.104.3")).isEqualTo("ENCAP DOC");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.11.8")).isEqualTo("PRESENTATION");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.66.1")).isEqualTo("REGISTRATION");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.78.1")).isEqualTo("MEASUREMENT");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.481.3")).isEqualTo("RT STRUCTURE SET");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.1.1.2")).isEqualTo("IMAGE");
        assertThat(RecordTypes.forSopClass("1.2.3.4.unknown")).isEqualTo("IMAGE");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.39.1")).isEqualTo("PALETTE");
        assertThat(RecordTypes.forSopClass("1.2.840.10008.5.1.4.38.1")).isEqualTo("HANGING PROTOCOL");
        assertThat(RecordTypes.isRootLevel("PALETTE")).isTrue();
        assertThat(RecordTypes.isRootLevel("IMAGE")).isFalse();
    }

    private static Path write(Path root, String name, Attributes ds, TransferSyntax ts) {
        Path p = root.resolve("MIXED").resolve(name);
        new DicomWriter().write(p, null, ds, ts);
        return p;
    }

    /** The type 1 keys the corpus objects leave empty, so that neither writer refuses them. */
    private static void completeKeys(Attributes ds, int n) {
        for (var e : List.copyOf(ds.elements())) { // UN standard elements as dcmtk's dcmconv +u would leave them
            if (e instanceof org.iep.dicom.data.ValueElement v && v.vr() == VR.UN
                    && org.iep.dicom.dict.ElementDictionary.standard().vrOf(v.tag()) != VR.UN
                    && org.iep.dicom.dict.ElementDictionary.standard().vrOf(v.tag()) != VR.SQ) {
                ds.set(v.withVr(org.iep.dicom.dict.ElementDictionary.standard().vrOf(v.tag())));
            }
        }
        fillIfEmpty(ds, "PatientID", "PAT" + n);
        fillIfEmpty(ds, "StudyDate", "20200101");
        fillIfEmpty(ds, "StudyTime", "120000");
        fillIfEmpty(ds, "StudyID", "S" + n);
        fillIfEmpty(ds, "SeriesNumber", Integer.toString(n));
        fillIfEmpty(ds, "InstanceNumber", "1");
    }

    private static void fillIfEmpty(Attributes ds, String keyword, String value) {
        var e = ds.get(FileSets.tag(keyword));
        if (e == null || e.isEmpty()) {
            FileSets.set(ds, keyword, value);
        }
    }

    private static Attributes common(String sopClass, String modality, String uidRoot) {
        Attributes ds = new Attributes();
        FileSets.set(ds, "SpecificCharacterSet", "ISO_IR 100");
        FileSets.set(ds, "SOPClassUID", sopClass);
        FileSets.set(ds, "SOPInstanceUID", uidRoot + ".3");
        FileSets.set(ds, "StudyDate", "20240102");
        FileSets.set(ds, "StudyTime", "090000");
        FileSets.set(ds, "AccessionNumber", "ACC" + modality);
        FileSets.set(ds, "Modality", modality);
        FileSets.set(ds, "StudyDescription", "Réunion " + modality);
        FileSets.set(ds, "PatientName", "Müller^Jürgen");
        FileSets.set(ds, "PatientID", "PID" + modality);
        FileSets.set(ds, "StudyInstanceUID", uidRoot + ".1");
        FileSets.set(ds, "SeriesInstanceUID", uidRoot + ".2");
        FileSets.set(ds, "StudyID", "1");
        FileSets.set(ds, "SeriesNumber", "7");
        FileSets.set(ds, "InstanceNumber", "3");
        FileSets.set(ds, "ContentDate", "20240102");
        FileSets.set(ds, "ContentTime", "090500");
        return ds;
    }

    private static Attributes presentationState() {
        Attributes ds = common("1.2.840.10008.5.1.4.1.1.11.1", "PR", "2.25.1001");
        FileSets.set(ds, "ContentLabel", "SHUTTER");
        FileSets.set(ds, "ContentDescription", "Collimation");
        FileSets.set(ds, "PresentationCreationDate", "20240103");
        FileSets.set(ds, "PresentationCreationTime", "101010");
        FileSets.set(ds, "ContentCreatorName", "Doe^Jane");
        Attributes series = ds.newSequence(FileSets.tag("ReferencedSeriesSequence")).addItem();
        FileSets.set(series, "SeriesInstanceUID", "2.25.555");
        Attributes image = series.newSequence(FileSets.tag("ReferencedImageSequence")).addItem();
        FileSets.set(image, "ReferencedSOPClassUID", "1.2.840.10008.5.1.4.1.1.2");
        FileSets.set(image, "ReferencedSOPInstanceUID", "2.25.556");
        return ds;
    }

    private static Attributes keyObjects() {
        Attributes ds = common("1.2.840.10008.5.1.4.1.1.88.59", "KO", "2.25.1002");
        Attributes title = ds.newSequence(FileSets.tag("ConceptNameCodeSequence")).addItem();
        FileSets.set(title, "CodeValue", "113000");
        FileSets.set(title, "CodingSchemeDesignator", "DCM");
        FileSets.set(title, "CodeMeaning", "Of Interest");
        var content = ds.newSequence(Tags.ContentSequence);
        Attributes mod = content.addItem();
        FileSets.set(mod, "RelationshipType", "HAS CONCEPT MOD");
        FileSets.set(mod, "ValueType", "CODE");
        code(mod, "ConceptNameCodeSequence", "121049", "Language of Content Item and Descendants");
        code(mod, "ConceptCodeSequence", "eng", "English");
        Attributes contains = content.addItem();
        FileSets.set(contains, "RelationshipType", "CONTAINS");
        FileSets.set(contains, "ValueType", "TEXT");
        FileSets.set(contains, "TextValue", "key images");
        return ds;
    }

    private static void code(Attributes ds, String sequence, String value, String meaning) {
        Attributes c = ds.newSequence(FileSets.tag(sequence)).addItem();
        FileSets.set(c, "CodeValue", value);
        FileSets.set(c, "CodingSchemeDesignator", value.equals("eng") ? "RFC5646" : "DCM");
        FileSets.set(c, "CodeMeaning", meaning);
    }

    private static Attributes encapsulatedPdf() {
        Attributes ds = common("1.2.840.10008.5.1.4.1.1.104.1", "DOC", "2.25.1003");
        FileSets.set(ds, "DocumentTitle", "Report");
        FileSets.setEmpty(ds, "ConceptNameCodeSequence");
        FileSets.set(ds, "MIMETypeOfEncapsulatedDocument", "application/pdf");
        ds.setBytes(FileSets.tag("EncapsulatedDocument"), VR.OB,
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return ds;
    }
}
