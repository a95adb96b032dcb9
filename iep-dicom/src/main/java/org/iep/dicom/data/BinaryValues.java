package org.iep.dicom.data;

import org.iep.dicom.DicomValueException;

/** Little-endian conversions between binary values and numbers. Stateless. */
final class BinaryValues {

    private BinaryValues() {
    }

    static long[] longs(VR vr, byte[] b) {
        int size = vr.valueSize();
        if (vr.kind() != VR.Kind.BINARY || size == 0) {
            return new long[0];
        }
        if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
            double[] d = doubles(vr, b);
            long[] out = new long[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (long) d[i];
            }
            return out;
        }
        long[] out = new long[b.length / size];
        for (int i = 0; i < out.length; i++) {
            long v = read(b, i * size, size);
            out[i] = switch (vr) {
                case SS -> (short) v;
                case SL -> (int) v;
                case AT -> ((v & 0xFFFF) << 16) | (v >>> 16);
                default -> v;
            };
        }
        return out;
    }

    static double[] doubles(VR vr, byte[] b) {
        switch (vr) {
            case FL, OF: {
                double[] out = new double[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((int) read(b, i * 4, 4));
                }
                return out;
            }
            case FD, OD: {
                double[] out = new double[b.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Double.longBitsToDouble(read(b, i * 8, 8));
                }
                return out;
            }
            case UV: {
                long[] l = longs(vr, b);
                double[] out = new double[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = l[i] >= 0 ? l[i] : (l[i] >>> 1) * 2.0 + (l[i] & 1); // unsigned 64-bit
                }
                return out;
            }
            default: {
                long[] l = longs(vr, b);
                double[] out = new double[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = l[i];
                }
                return out;
            }
        }
    }

    static long read(byte[] b, int off, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void write(byte[] b, int off, int size, long v) {
        for (int i = 0; i < size; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Encodes integers for US, SS, UL, SL, SV, UV, AT (tag values), checking ranges. */
    static byte[] fromLongs(VR vr, long... values) {
        int size = vr.valueSize();
        byte[] out = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            boolean ok = switch (vr) {
                case US -> v >= 0 && v <= 0xFFFF;
                case SS -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
                case UL, AT -> v >= 0 && v <= 0xFFFFFFFFL;
                case SL -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                case SV, UV -> true;
                default -> throw new DicomValueException("VR " + vr + " does not hold integers");
            };
            if (!ok) {
                throw new DicomValueException(v + " is out of range for VR " + vr);
            }
            if (vr == VR.AT) {
                v = ((v & 0xFFFF) << 16) | (v >>> 16);
            }
            write(out, i * size, size, v);
        }
        return out;
    }

    /** Encodes FL, FD, OF, OD values. */
    static byte[] fromDoubles(VR vr, double... values) {
        boolean single = vr == VR.FL || vr == VR.OF;
        if (!single && vr != VR.FD && vr != VR.OD) {
            throw new DicomValueException("VR " + vr + " does not hold floating point values");
        }
        int size = single ? 4 : 8;
        byte[] out = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            long bits = single ? Float.floatToRawIntBits((float) values[i]) : Double.doubleToRawLongBits(values[i]);
            write(out, i * size, size, bits);
        }
        return out;
    }
}
