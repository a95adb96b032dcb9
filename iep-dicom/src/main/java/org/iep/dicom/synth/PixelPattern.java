package org.iep.dicom.synth;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A CT-like phantom written row by row as 16-bit little-endian values (12 bits stored, CT number + 1024): air
 * around an elliptic body of soft tissue, a bright "spine" disc and two dark "lungs", with a little noise. Only one
 * row is ever in memory.
 */
final class PixelPattern {

    private final int rows;
    private final int columns;

    PixelPattern(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** Writes one frame; {@code noiseSeed} and {@code slice} vary it from frame to frame. */
    void writeFrame(OutputStream out, long noiseSeed, int slice) throws IOException {
        byte[] row = new byte[columns * 2];
        long cx = columns / 2;
        long cy = rows / 2;
        long ax = Math.max(1, columns * 45L / 100);
        long ay = Math.max(1, rows * 35L / 100);
        long lungR = Math.max(1, Math.min(columns, rows) / 8 + (slice % 16));
        long spineR = Math.max(1, Math.min(columns, rows) / 14);
        long noise = noiseSeed | 1;
        for (int y = 0; y < rows; y++) {
            long dy = y - cy;
            for (int x = 0; x < columns; x++) {
                long dx = x - cx;
                int value;
                if (dx * dx * ay * ay + dy * dy * ax * ax > ax * ax * ay * ay) {
                    value = 0; // air, -1024 HU
                } else if (dx * dx + (dy - rows / 5) * (dy - rows / 5) < spineR * spineR) {
                    value = 1024 + 700; // bone
                } else if (inLung(dx - columns / 5, dy, lungR) || inLung(dx + columns / 5, dy, lungR)) {
                    value = 1024 - 800;
                } else {
                    value = 1024 + 40; // soft tissue
                }
                noise ^= noise << 13;
                noise ^= noise >>> 7;
                noise ^= noise << 17;
                value += (int) (noise & 15) - 8;
                value = Math.max(0, Math.min(4095, value));
                row[2 * x] = (byte) value;
                row[2 * x + 1] = (byte) (value >>> 8);
            }
            out.write(row);
        }
    }

    private static boolean inLung(long dx, long dy, long r) {
        return dx * dx + dy * dy * 4 / 9 < r * r;
    }
}
