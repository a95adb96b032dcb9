package org.iep.core.ingest;

import java.nio.file.Path;
import java.util.Random;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;

/** DICOM test instances: the corpus CT slice with chosen identities and 128 KiB of seeded pixel data. */
public final class TestInstances {
    public static final String STUDY = "1.2.826.0.1.3680043.2.1125.1";
    public static final String SERIES = "1.2.826.0.1.3680043.2.1125.1.1";

    private TestInstances() {
    }

    public static Path corpus(String name) {
        String shared = System.getProperty("iep.shared.dir", "../../shared");
        return Path.of(shared, "dicom", "corpus", name);
    }

    /** A CT instance of patient S123456 (JONES^MARY, 1970-05-17) in {@link #STUDY}. */
    public static byte[] ct(String sopUid, int seed) {
        return ct("S123456", "JONES^MARY", "19700517", STUDY, sopUid, seed);
    }

    public static byte[] ct(String patientId, String patientName, String birthDate, String studyUid, String sopUid,
                            int seed) {
        DicomFile base = DicomReader.read(corpus("CT_small.dcm"));
        Attributes ds = base.dataSet().copy();
        ds.setString(Tags.PatientID, VR.LO, patientId);
        ds.setString(Tags.PatientName, VR.PN, patientName);
        ds.setString(Tags.PatientBirthDate, VR.DA, birthDate);
        ds.setString(Tags.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tags.SeriesInstanceUID, VR.UI, SERIES);
        ds.setString(Tags.SOPInstanceUID, VR.UI, sopUid);
        ds.setString(Tags.AccessionNumber, VR.SH, "ACC001");
        ds.setInt(0x00280010, VR.US, 256);
        ds.setInt(0x00280011, VR.US, 256);
        byte[] pixels = new byte[256 * 256 * 2];
        new Random(seed).nextBytes(pixels);
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        return new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
