package org.iep.app.demo;

import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomWriter;

/**
 * A small synthetic CT series for the demo transfer: {@value #SLICES} slices of 256 × 256, 16-bit, showing a disc
 * whose radius changes from slice to slice, so a viewer has something to scroll through. No real patient data.
 */
final class DemoImages {
    static final int SLICES = 8;
    static final String STUDY = "2.25.1000000000000000000000001";
    static final String SERIES = "2.25.1000000000000000000000001.1";
    private static final int SIZE = 256;

    private DemoImages() {
    }

    static byte[] slice(int n) {
        Attributes ds = new Attributes();
        ds.setString(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tags.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tags.SOPInstanceUID, VR.UI, SERIES + "." + (n + 1));
        ds.setString(Tags.StudyDate, VR.DA, "20260301");
        ds.setString(Tags.AccessionNumber, VR.SH, "DEMOACC1");
        ds.setString(Tags.Modality, VR.CS, "CT");
        ds.setString(Tags.StudyDescription, VR.LO, "CT head");
        ds.setString(Tags.PatientName, VR.PN, "Jones^Patricia");
        ds.setString(Tags.PatientID, VR.LO, "DEMO0001");
        ds.setString(Tags.PatientBirthDate, VR.DA, "19700131");
        ds.setString(0x00100040, VR.CS, "F");
        ds.setString(Tags.StudyInstanceUID, VR.UI, STUDY);
        ds.setString(Tags.SeriesInstanceUID, VR.UI, SERIES);
        ds.setInt(0x00200013, VR.IS, n + 1);
        ds.setDouble(0x00201041, VR.DS, n * 5.0);
        ds.setInt(0x00280002, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(0x00280010, VR.US, SIZE);
        ds.setInt(0x00280011, VR.US, SIZE);
        ds.setDouble(0x00280030, VR.DS, 0.9, 0.9);
        ds.setInt(0x00280100, VR.US, 16);
        ds.setInt(0x00280101, VR.US, 12);
        ds.setInt(0x00280102, VR.US, 11);
        ds.setInt(0x00280103, VR.US, 0);
        ds.setDouble(0x00281050, VR.DS, 600);
        ds.setDouble(0x00281051, VR.DS, 1200);
        ds.setBytes(Tags.PixelData, VR.OW, pixels(n));
        return new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static byte[] pixels(int n) {
        byte[] out = new byte[SIZE * SIZE * 2];
        double radius = 40 + 10 * n;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Math.hypot(x - SIZE / 2.0, y - SIZE / 2.0);
                int v = d < radius ? 1000 + (int) (200 * Math.cos(d / 6)) : (int) (x * 2);
                int i = (y * SIZE + x) * 2;
                out[i] = (byte) v;
                out[i + 1] = (byte) (v >> 8);
            }
        }
        return out;
    }
}
