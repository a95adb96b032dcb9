package org.iep.dicom.synth;

/**
 * What to generate: {@code patients × studiesPerPatient × seriesPerStudy × instancesPerSeries} CT slices of
 * {@code rows × columns} 16-bit pixels, all determined by {@code seed}. Immutable.
 *
 * @param seed every UID, name, date and pixel derives from it
 * @param patients number of patients (≥ 1)
 * @param studiesPerPatient studies of each patient (≥ 1)
 * @param seriesPerStudy series of each study (≥ 1)
 * @param instancesPerSeries slices of each series (≥ 1)
 * @param rows pixel rows (1..65535)
 * @param columns pixel columns (1..65535)
 */
public record StudySpec(long seed, int patients, int studiesPerPatient, int seriesPerStudy, int instancesPerSeries,
        int rows, int columns) {

    /** ISO 9660 components are 8 characters: 3 letters and 5 digits. */
    static final int MAX_COUNT = 99_999;

    public StudySpec {
        positive("patients", patients);
        positive("studiesPerPatient", studiesPerPatient);
        positive("seriesPerStudy", seriesPerStudy);
        positive("instancesPerSeries", instancesPerSeries);
        if (rows < 1 || rows > 0xFFFF || columns < 1 || columns > 0xFFFF) {
            throw new IllegalArgumentException("rows and columns must be 1..65535: " + rows + " x " + columns);
        }
        if ((long) rows * columns * 2 >= 0xFFFFFFFEL) {
            throw new IllegalArgumentException("one slice of " + rows + " x " + columns
                    + " does not fit a Pixel Data length");
        }
    }

    private static void positive(String what, int n) {
        if (n < 1 || n > MAX_COUNT) {
            throw new IllegalArgumentException(what + " must be 1.." + MAX_COUNT + ": " + n);
        }
    }

    /** One CT series of {@code slices} slices of {@code rows × columns}. */
    public static StudySpec ctSeries(long seed, int slices, int rows, int columns) {
        return new StudySpec(seed, 1, 1, 1, slices, rows, columns);
    }

    /**
     * About {@code files} small instances (64 × 64, 8 KB of pixels, about 9 KB a file) spread as real archives are:
     * 100 slices a series, 2 series a study, 1 study a patient. The count is rounded up to a multiple of 200.
     */
    public static StudySpec smallFiles(long seed, int files) {
        int perPatient = 200;
        int patients = Math.max(1, (files + perPatient - 1) / perPatient);
        return new StudySpec(seed, patients, 1, 2, 100, 64, 64);
    }

    /** Total number of instances. */
    public long instanceCount() {
        return (long) patients * studiesPerPatient * seriesPerStudy * instancesPerSeries;
    }

    /** Bytes of pixel data in one slice. */
    public long pixelBytes() {
        return (long) rows * columns * 2;
    }
}
