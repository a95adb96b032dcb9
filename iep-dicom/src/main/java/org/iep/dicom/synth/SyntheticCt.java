package org.iep.dicom.synth;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.io.DicomWriter;
import org.iep.dicom.io.PixelDataHeader;

/**
 * CT slices for a {@link StudySpec}: headers with the CT Image IOD's modules (Patient, General Study, General
 * Series, Frame of Reference, General Equipment, General Image, Image Plane, Image Pixel, CT Image, VOI LUT, SOP
 * Common) and a phantom as pixel data, streamed while the file is written.
 *
 * <pre>{@code
 * SyntheticCt ct = new SyntheticCt(StudySpec.ctSeries(42, 100, 512, 512));
 * List<Path> files = ct.writeAll(dir);     // dir/PAT00001/STU00001/SER00001/IMG00001 ... IMG00100
 * }</pre>
 * Immutable and thread-safe.
 */
public final class SyntheticCt {

    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green"};
    private static final String[] GIVEN = {"Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia",
        "Noah", "Grace", "Leo", "Freya", "Arthur", "Lily", "Oscar", "Ella"};
    private static final double SLICE_MM = 5.0;
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    private final StudySpec spec;
    private final SeededValues values;
    private final PixelPattern pattern;

    public SyntheticCt(StudySpec spec) {
        this.spec = spec;
        this.values = new SeededValues(spec.seed());
        this.pattern = new PixelPattern(spec.rows(), spec.columns());
    }

    public StudySpec spec() {
        return spec;
    }

    /** Every instance of the spec, patient by patient, in file ID order. */
    public List<SyntheticInstance> instances() {
        List<SyntheticInstance> out = new ArrayList<>((int) Math.min(spec.instanceCount(), 1 << 20));
        for (int p = 1; p <= spec.patients(); p++) {
            for (int st = 1; st <= spec.studiesPerPatient(); st++) {
                for (int se = 1; se <= spec.seriesPerStudy(); se++) {
                    for (int i = 1; i <= spec.instancesPerSeries(); i++) {
                        out.add(new SyntheticInstance(p, st, se, i));
                    }
                }
            }
        }
        return out;
    }

    /** The data set of one slice without its Pixel Data. */
    public Attributes header(SyntheticInstance at) {
        check(at);
        Attributes ds = new Attributes();
        String studyDate = date(at);
        set(ds, "ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
        set(ds, "SOPClassUID", UIDs.CTImageStorage);
        set(ds, "SOPInstanceUID", values.uid(at.instanceKey()));
        set(ds, "StudyDate", studyDate);
        set(ds, "SeriesDate", studyDate);
        set(ds, "AcquisitionDate", studyDate);
        set(ds, "ContentDate", studyDate);
        String studyTime = String.format("%02d%02d%02d", 8 + values.nextInt(at.studyKey() + "/h", 10),
                values.nextInt(at.studyKey() + "/m", 60), values.nextInt(at.studyKey() + "/s", 60));
        set(ds, "StudyTime", studyTime);
        set(ds, "SeriesTime", studyTime);
        set(ds, "AcquisitionTime", studyTime);
        set(ds, "ContentTime", studyTime);
        set(ds, "AccessionNumber", String.format("A%07d", values.nextInt(at.studyKey() + "/accession", 10_000_000)));
        set(ds, "Modality", "CT");
        set(ds, "Manufacturer", "IEP Synthetic");
        ds.setEmpty(Tags.ReferringPhysicianName, VR.PN);
        set(ds, "StudyDescription", "CT CHEST SYNTHETIC");
        set(ds, "SeriesDescription", "AXIAL " + (int) SLICE_MM + " MM " + at.series());
        set(ds, "PatientName", FAMILY[values.nextInt(at.patientKey() + "/family", FAMILY.length)] + "^"
                + GIVEN[values.nextInt(at.patientKey() + "/given", GIVEN.length)]);
        set(ds, "PatientID", String.format("SYN%07d", values.nextInt(at.patientKey() + "/id", 10_000_000)));
        set(ds, "PatientBirthDate", EPOCH.minusDays(7000 + values.nextInt(at.patientKey() + "/birth", 25_000))
                .format(DateTimeFormatter.BASIC_ISO_DATE));
        set(ds, "PatientSex", values.nextInt(at.patientKey() + "/sex", 2) == 0 ? "F" : "M");
        set(ds, "SliceThickness", fmt(SLICE_MM));
        set(ds, "KVP", "120");
        set(ds, "PatientPosition", "HFS");
        set(ds, "StudyInstanceUID", values.uid(at.studyKey()));
        set(ds, "SeriesInstanceUID", values.uid(at.seriesKey()));
        set(ds, "StudyID", Integer.toString(at.study()));
        set(ds, "SeriesNumber", Integer.toString(at.series()));
        ds.setEmpty(Keywords.tag("Laterality"), VR.CS); // type 2C: dciodvfy asks for it, the chest is not paired
        set(ds, "AcquisitionNumber", "1");
        set(ds, "InstanceNumber", Integer.toString(at.instance()));
        double z = -(at.instance() - 1) * SLICE_MM;
        double spacing = 350.0 / Math.max(spec.rows(), spec.columns());
        set(ds, "ImagePositionPatient", fmt(-spacing * spec.columns() / 2), fmt(-spacing * spec.rows() / 2), fmt(z));
        set(ds, "ImageOrientationPatient", "1", "0", "0", "0", "1", "0");
        set(ds, "FrameOfReferenceUID", values.uid(at.studyKey() + "/frame-of-reference/" + at.series()));
        ds.setEmpty(Keywords.tag("PositionReferenceIndicator"), VR.LO);
        set(ds, "SliceLocation", fmt(z));
        ds.setInt(Tags.SamplesPerPixel, VR.US, 1);
        set(ds, "PhotometricInterpretation", "MONOCHROME2");
        ds.setInt(Tags.Rows, VR.US, spec.rows());
        ds.setInt(Tags.Columns, VR.US, spec.columns());
        set(ds, "PixelSpacing", fmt(spacing), fmt(spacing));
        ds.setInt(Tags.BitsAllocated, VR.US, 16);
        ds.setInt(Tags.BitsStored, VR.US, 12);
        ds.setInt(Tags.HighBit, VR.US, 11);
        ds.setInt(Tags.PixelRepresentation, VR.US, 0);
        set(ds, "WindowCenter", "40");
        set(ds, "WindowWidth", "400");
        set(ds, "RescaleIntercept", "-1024");
        set(ds, "RescaleSlope", "1");
        set(ds, "RescaleType", "HU");
        return ds;
    }

    /** Writes one slice as a Part 10 file to {@code out} (not closed). */
    public void write(SyntheticInstance at, OutputStream out) {
        Attributes header = header(at);
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            DicomWriter writer = new DicomWriter();
            writer.write(buffered, null, header, ts);
            PixelDataHeader pixels = new PixelDataHeader(Tags.PixelData, VR.OW, -1, spec.pixelBytes());
            writer.writePixelDataHeader(buffered, pixels, ts);
            pattern.writeFrame(buffered, values.bits(at.instanceKey() + "/noise"), at.instance());
            buffered.flush();
        } catch (IOException e) {
            throw new DicomIoException("cannot write a synthetic slice: " + e.getMessage(), e);
        }
    }

    /** One slice as bytes. */
    public byte[] toBytes(SyntheticInstance at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(spec.pixelBytes() + 4096, 1 << 30));
        write(at, out);
        return out.toByteArray();
    }

    /** Writes one slice to {@code root}/{@link SyntheticInstance#fileId()} (directories created) and returns it. */
    public Path write(SyntheticInstance at, Path root) {
        Path file = root.resolve(at.fileId());
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                write(at, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Writes every instance under {@code root} and returns the files in file ID order. */
    public List<Path> writeAll(Path root) {
        List<Path> out = new ArrayList<>();
        for (SyntheticInstance at : instances()) {
            out.add(write(at, root));
        }
        return out;
    }

    private void check(SyntheticInstance at) {
        if (at.patient() < 1 || at.patient() > spec.patients() || at.study() < 1
                || at.study() > spec.studiesPerPatient() || at.series() < 1 || at.series() > spec.seriesPerStudy()
                || at.instance() < 1 || at.instance() > spec.instancesPerSeries()) {
            throw new IllegalArgumentException(at + " is not part of " + spec);
        }
    }

    private String date(SyntheticInstance at) {
        return EPOCH.plusDays(values.nextInt(at.studyKey() + "/date", 2000)).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    static void set(Attributes ds, String keyword, String... value) {
        ds.setString(Keywords.tag(keyword), Keywords.vr(keyword), value);
    }

    /** DS values: at most 16 characters, no exponent, trailing zeros dropped. */
    static String fmt(double v) {
        String s = new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
