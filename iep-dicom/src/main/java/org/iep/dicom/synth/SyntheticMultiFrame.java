package org.iep.dicom.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomWriter;
import org.iep.dicom.io.PixelDataHeader;

/**
 * One Multi-frame Grayscale Word Secondary Capture image of {@code frames × rows × columns} 16-bit pixels, e.g. for
 * streaming and memory tests: 4,096 frames of 512 × 512 make a 2 GiB file, written with a few kilobytes of heap.
 * The header carries the identifying attributes a de-identifier must treat (names, IDs, dates, UIDs,
 * institution, physicians, accession number), all from the seed. Immutable and thread-safe.
 *
 * @param seed every UID, name and pixel derives from it
 * @param frames number of frames (≥ 1)
 * @param rows pixel rows
 * @param columns pixel columns
 */
public record SyntheticMultiFrame(long seed, int frames, int rows, int columns) {

    /** Multi-frame Grayscale Word Secondary Capture Image Storage. */
    public static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7.3";

    public SyntheticMultiFrame {
        if (frames < 1 || rows < 1 || rows > 0xFFFF || columns < 1 || columns > 0xFFFF) {
            throw new IllegalArgumentException("frames ≥ 1, rows and columns 1..65535: " + frames + " x " + rows
                    + " x " + columns);
        }
        if ((long) frames * rows * columns * 2 >= 0xFFFFFFFEL) {
            throw new IllegalArgumentException("pixel data of " + frames + " x " + rows + " x " + columns
                    + " does not fit a 32-bit Pixel Data length");
        }
    }

    /** Bytes of pixel data. */
    public long pixelBytes() {
        return (long) frames * rows * columns * 2;
    }

    /** The data set without its Pixel Data. */
    public Attributes header() {
        SeededValues v = new SeededValues(seed);
        Attributes ds = new Attributes();
        SyntheticCt.set(ds, "SpecificCharacterSet", "ISO_IR 100");
        SyntheticCt.set(ds, "ImageType", "DERIVED", "SECONDARY");
        SyntheticCt.set(ds, "SOPClassUID", SOP_CLASS);
        SyntheticCt.set(ds, "SOPInstanceUID", v.uid("multiframe/instance"));
        SyntheticCt.set(ds, "StudyDate", "20240315");
        SyntheticCt.set(ds, "ContentDate", "20240315");
        SyntheticCt.set(ds, "StudyTime", "101500");
        SyntheticCt.set(ds, "ContentTime", "101500");
        SyntheticCt.set(ds, "AccessionNumber", String.format("A%07d", v.nextInt("multiframe/accession", 10_000_000)));
        SyntheticCt.set(ds, "Modality", "OT");
        SyntheticCt.set(ds, "ConversionType", "WSD");
        SyntheticCt.set(ds, "InstitutionName", "Synthetic General Hospital");
        SyntheticCt.set(ds, "ReferringPhysicianName", "Referrer^Rita");
        SyntheticCt.set(ds, "StudyDescription", "SYNTHETIC MULTI-FRAME");
        SyntheticCt.set(ds, "OperatorsName", "Operator^Otto");
        SyntheticCt.set(ds, "PatientName", "Multiframe^Molly");
        SyntheticCt.set(ds, "PatientID", String.format("SYN%07d", v.nextInt("multiframe/patient", 10_000_000)));
        SyntheticCt.set(ds, "PatientBirthDate", "19610704");
        SyntheticCt.set(ds, "PatientSex", "F");
        SyntheticCt.set(ds, "StudyInstanceUID", v.uid("multiframe/study"));
        SyntheticCt.set(ds, "SeriesInstanceUID", v.uid("multiframe/series"));
        SyntheticCt.set(ds, "StudyID", "1");
        SyntheticCt.set(ds, "SeriesNumber", "1");
        ds.setEmpty(Keywords.tag("Laterality"), VR.CS);
        SyntheticCt.set(ds, "Manufacturer", "IEP Synthetic");
        SyntheticCt.set(ds, "InstanceNumber", "1");
        ds.setEmpty(Keywords.tag("PatientOrientation"), VR.CS);
        ds.setInt(Tags.SamplesPerPixel, VR.US, 1);
        SyntheticCt.set(ds, "PhotometricInterpretation", "MONOCHROME2");
        SyntheticCt.set(ds, "NumberOfFrames", Integer.toString(frames));
        ds.setInt(Keywords.tag("FrameIncrementPointer"), VR.AT, Keywords.tag("FrameTimeVector"));
        ds.setInt(Tags.Rows, VR.US, rows);
        ds.setInt(Tags.Columns, VR.US, columns);
        ds.setInt(Tags.BitsAllocated, VR.US, 16);
        ds.setInt(Tags.BitsStored, VR.US, 12);
        ds.setInt(Tags.HighBit, VR.US, 11);
        ds.setInt(Tags.PixelRepresentation, VR.US, 0);
        SyntheticCt.set(ds, "BurnedInAnnotation", "NO");
        SyntheticCt.set(ds, "RescaleIntercept", "0");
        SyntheticCt.set(ds, "RescaleSlope", "1");
        SyntheticCt.set(ds, "RescaleType", "US");
        SyntheticCt.set(ds, "PresentationLUTShape", "IDENTITY");
        String[] times = new String[frames];
        java.util.Arrays.fill(times, "40");
        SyntheticCt.set(ds, "FrameTimeVector", times);
        return ds;
    }

    /** Writes the Part 10 file to {@code out} (not closed), pixel data frame by frame. */
    public void write(OutputStream out) {
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        PixelPattern pattern = new PixelPattern(rows, columns);
        SeededValues v = new SeededValues(seed);
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            DicomWriter writer = new DicomWriter();
            writer.write(buffered, null, header(), ts);
            writer.writePixelDataHeader(buffered, new PixelDataHeader(Tags.PixelData, VR.OW, -1, pixelBytes()), ts);
            long noise = v.bits("multiframe/noise");
            for (int f = 0; f < frames; f++) {
                pattern.writeFrame(buffered, noise + f * 0x9E3779B97F4A7C15L, f);
            }
            buffered.flush();
        } catch (IOException e) {
            throw new DicomIoException("cannot write a synthetic multi-frame image: " + e.getMessage(), e);
        }
    }

    /** Writes the file and returns it. */
    public Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        } catch (IOException e) {
            throw new DicomIoException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
