package org.iep.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;

/**
 * Encodes and decodes PDUs (PS3.8 9.3). Decoding never trusts a peer's length: the PDU length is checked against
 * the caller's cap before the body is read, and every item length against what is left of its container. All
 * errors are {@link DicomNetException} with codes NET_PDU_MALFORMED / NET_PDU_UNKNOWN / NET_PDU_TOO_LARGE, which
 * {@link #abortReason} maps to the A-ABORT reason to send. Stateless and thread-safe.
 */
public final class PduCodec {

    /** Cap for association negotiation PDUs (RQ/AC/RJ), independent of the P-DATA maximum. */
    public static final int MAX_ASSOCIATE_PDU = 1 << 20;
    /** Longest UID PS3.5 allows. */
    private static final int MAX_UID = 64;

    private PduCodec() {
    }

    /** The PDU header is 6 bytes: type, reserved, 32-bit big-endian length. */
    public static final int HEADER = 6;

    // ------------------------------------------------------------------ reading

    /**
     * Reads one PDU from a stream. Returns null at a clean end of stream before any byte of a PDU.
     *
     * @param maxPDataLength the largest P-DATA-TF length we accept (our announced maximum; 0 is not allowed
     *     here - the caller supplies a real cap)
     */
    public static Pdu read(InputStream in, long maxPDataLength) throws IOException {
        byte[] h = new byte[HEADER];
        int n = in.readNBytes(h, 0, HEADER);
        if (n == 0) {
            return null;
        }
        if (n < HEADER) {
            throw new EOFException("connection closed inside a PDU header");
        }
        int type = h[0] & 0xFF;
        long length = u32(h, 2);
        checkLength(type, length, maxPDataLength);
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("connection closed inside a PDU (" + body.length + " of " + length + " bytes)");
        }
        return decodeBody(type, body);
    }

    /** Checks a PDU header's type and length against the caps, before anything is allocated. */
    public static void checkLength(int type, long length, long maxPDataLength) {
        if (type < Pdu.ASSOCIATE_RQ || type > Pdu.ABORT) {
            throw new DicomNetException(DicomErrorCode.NET_PDU_UNKNOWN, "unknown PDU type 0x" + Integer.toHexString(type));
        }
        long cap = switch (type) {
            case Pdu.P_DATA_TF -> maxPDataLength;
            case Pdu.ASSOCIATE_RQ, Pdu.ASSOCIATE_AC -> MAX_ASSOCIATE_PDU;
            default -> 4;
        };
        if (type >= Pdu.ASSOCIATE_RJ && type != Pdu.P_DATA_TF && length != 4) {
            throw malformed("PDU type " + type + " must have length 4, not " + length);
        }
        if (length > cap) {
            throw new DicomNetException(DicomErrorCode.NET_PDU_TOO_LARGE,
                    "PDU type " + type + " of " + length + " bytes exceeds the maximum of " + cap);
        }
    }

    /** Decodes a whole PDU (header and body) from a byte array, e.g. for tests and fuzzing. */
    public static Pdu decode(byte[] pdu, long maxPDataLength) {
        if (pdu.length < HEADER) {
            throw malformed("PDU shorter than its header");
        }
        int type = pdu[0] & 0xFF;
        long length = u32(pdu, 2);
        checkLength(type, length, maxPDataLength);
        if (length != pdu.length - HEADER) {
            throw malformed("PDU length " + length + " does not match the " + (pdu.length - HEADER) + " bytes given");
        }
        byte[] body = new byte[(int) length];
        System.arraycopy(pdu, HEADER, body, 0, body.length);
        return decodeBody(type, body);
    }

    /** Decodes the body of a PDU whose header was already checked with {@link #checkLength}. */
    public static Pdu decodeBody(int type, byte[] b) {
        return switch (type) {
            case Pdu.ASSOCIATE_RQ, Pdu.ASSOCIATE_AC -> decodeAssociate(type, b);
            case Pdu.ASSOCIATE_RJ -> new Pdu.AssociateRj(b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF);
            case Pdu.P_DATA_TF -> decodePData(b);
            case Pdu.RELEASE_RQ -> new Pdu.ReleaseRq();
            case Pdu.RELEASE_RP -> new Pdu.ReleaseRp();
            case Pdu.ABORT -> new Pdu.Abort(b[2] & 0xFF, b[3] & 0xFF);
            default -> throw new DicomNetException(DicomErrorCode.NET_PDU_UNKNOWN,
                    "unknown PDU type 0x" + Integer.toHexString(type));
        };
    }

    private static Pdu decodePData(byte[] b) {
        List<Pdv> pdvs = new ArrayList<>();
        int pos = 0;
        while (pos < b.length) {
            if (b.length - pos < 6) {
                throw malformed("truncated PDV item header");
            }
            long len = u32(b, pos);
            if (len < 2 || len > b.length - pos - 4) {
                throw malformed("PDV item length " + len + " does not fit in the PDU");
            }
            int pc = b[pos + 4] & 0xFF;
            int mch = b[pos + 5] & 0xFF;
            if ((pc & 1) == 0) {
                throw malformed("even presentation context ID " + pc + " in a PDV");
            }
            if ((mch & 0xFC) != 0) {
                throw malformed("reserved bits set in a PDV message control header");
            }
            byte[] data = new byte[(int) len - 2];
            System.arraycopy(b, pos + 6, data, 0, data.length);
            pdvs.add(new Pdv(pc, (mch & 1) != 0, (mch & 2) != 0, data));
            pos += 4 + (int) len;
        }
        if (pdvs.isEmpty()) {
            throw malformed("P-DATA-TF without PDV items");
        }
        return new Pdu.PData(pdvs);
    }

    private static Pdu decodeAssociate(int type, byte[] b) {
        if (b.length < 68) {
            throw malformed("A-ASSOCIATE PDU shorter than its fixed fields");
        }
        int version = u16(b, 0);
        if ((version & 1) == 0) {
            throw malformed("protocol version 0x" + Integer.toHexString(version) + " without bit 0 (version 1)");
        }
        String called = ae(b, 4);
        String calling = ae(b, 20);
        String appContext = null;
        List<PresentationContext> contexts = new ArrayList<>();
        UserInformation ui = null;
        int pos = 68;
        while (pos < b.length) {
            if (b.length - pos < 4) {
                throw malformed("truncated item header");
            }
            int itemType = b[pos] & 0xFF;
            int len = u16(b, pos + 2);
            int start = pos + 4;
            if (len > b.length - start) {
                throw malformed("item 0x" + Integer.toHexString(itemType) + " length " + len + " runs past the PDU");
            }
            switch (itemType) {
                case 0x10 -> {
                    if (appContext != null) {
                        throw malformed("two application context items");
                    }
                    appContext = uid(b, start, len, "application context");
                }
                case 0x20, 0x21 -> {
                    if ((itemType == 0x20) != (type == Pdu.ASSOCIATE_RQ)) {
                        throw malformed("presentation context item 0x" + Integer.toHexString(itemType)
                                + " in the wrong PDU");
                    }
                    contexts.add(PduItems.context(itemType, b, start, len));
                }
                case 0x50 -> {
                    if (ui != null) {
                        throw malformed("two user information items");
                    }
                    ui = PduItems.userInfo(b, start, len);
                }
                default -> throw malformed("unexpected item type 0x" + Integer.toHexString(itemType));
            }
            pos = start + len;
        }
        if (appContext == null) {
            throw malformed("no application context item");
        }
        if (contexts.isEmpty() && type == Pdu.ASSOCIATE_RQ) {
            throw malformed("no presentation context item");
        }
        if (ui == null) {
            throw malformed("no user information item");
        }
        return type == Pdu.ASSOCIATE_RQ ? new Pdu.AssociateRq(called, calling, appContext, contexts, ui)
                : new Pdu.AssociateAc(called, calling, appContext, contexts, ui);
    }

    /** Encodes a PDU with its header. */
    public static byte[] encode(Pdu pdu) {
        Buf o = new Buf();
        if (pdu instanceof Pdu.AssociateRq rq) {
            associate(o, Pdu.ASSOCIATE_RQ, rq.calledAe(), rq.callingAe(), rq.applicationContext(), rq.contexts(),
                    rq.userInfo(), true);
        } else if (pdu instanceof Pdu.AssociateAc ac) {
            associate(o, Pdu.ASSOCIATE_AC, ac.calledAe(), ac.callingAe(), ac.applicationContext(), ac.contexts(),
                    ac.userInfo(), false);
        } else if (pdu instanceof Pdu.AssociateRj rj) {
            fixed4(o, Pdu.ASSOCIATE_RJ, 0, rj.result(), rj.source(), rj.reason());
        } else if (pdu instanceof Pdu.PData p) {
            o.u8(Pdu.P_DATA_TF).u8(0).u32(0);
            for (Pdv v : p.pdvs()) {
                o.u32(v.data().length + 2L).u8(v.contextId()).u8(v.controlHeader());
                o.write(v.data(), 0, v.data().length);
            }
        } else if (pdu instanceof Pdu.ReleaseRq) {
            fixed4(o, Pdu.RELEASE_RQ, 0, 0, 0, 0);
        } else if (pdu instanceof Pdu.ReleaseRp) {
            fixed4(o, Pdu.RELEASE_RP, 0, 0, 0, 0);
        } else if (pdu instanceof Pdu.Abort a) {
            fixed4(o, Pdu.ABORT, 0, 0, a.source(), a.reason());
        }
        byte[] bytes = o.toByteArray();
        long len = bytes.length - HEADER;
        bytes[2] = (byte) (len >>> 24);
        bytes[3] = (byte) (len >>> 16);
        bytes[4] = (byte) (len >>> 8);
        bytes[5] = (byte) len;
        return bytes;
    }

    private static void fixed4(Buf o, int type, int a, int b, int c, int d) {
        o.u8(type).u8(0).u32(4).u8(a).u8(b).u8(c).u8(d);
    }

    private static void associate(Buf o, int type, String called, String calling, String appContext,
            List<PresentationContext> contexts, UserInformation ui, boolean rq) {
        o.u8(type).u8(0).u32(0).u16(1).u16(0);
        o.ae(called).ae(calling);
        o.write(new byte[32], 0, 32);
        o.item(0x10, ascii(appContext));
        for (PresentationContext pc : contexts) {
            Buf sub = new Buf();
            sub.u8(pc.id()).u8(0).u8(rq ? 0 : pc.result()).u8(0);
            if (rq) {
                sub.item(0x30, ascii(pc.abstractSyntax()));
            }
            for (String ts : pc.transferSyntaxes()) {
                sub.item(0x40, ascii(ts));
            }
            o.item(rq ? 0x20 : 0x21, sub.toByteArray());
        }
        Buf u = new Buf();
        u.u8(0x51).u8(0).u16(4).u32(ui.maxPduLength());
        u.item(0x52, ascii(ui.implementationClassUid()));
        if (ui.maxOpsInvoked() >= 0) {
            u.u8(0x53).u8(0).u16(4).u16(ui.maxOpsInvoked()).u16(ui.maxOpsPerformed());
        }
        for (RoleSelection r : ui.roles()) {
            byte[] uid = ascii(r.sopClass());
            Buf rs = new Buf();
            rs.u16(uid.length);
            rs.write(uid, 0, uid.length);
            rs.u8(r.scu() ? 1 : 0).u8(r.scp() ? 1 : 0);
            u.item(0x54, rs.toByteArray());
        }
        if (ui.implementationVersion() != null) {
            u.item(0x55, ascii(ui.implementationVersion()));
        }
        if (ui.userIdentity() != null && rq) {
            UserIdentity id = ui.userIdentity();
            Buf i = new Buf();
            i.u8(id.type()).u8(id.positiveResponseRequested() ? 1 : 0).u16(id.primary().length);
            i.write(id.primary(), 0, id.primary().length);
            i.u16(id.secondary().length);
            i.write(id.secondary(), 0, id.secondary().length);
            u.item(0x58, i.toByteArray());
        }
        if (ui.userIdentityResponse() != null && !rq) {
            Buf i = new Buf();
            i.u16(ui.userIdentityResponse().length);
            i.write(ui.userIdentityResponse(), 0, ui.userIdentityResponse().length);
            u.item(0x59, i.toByteArray());
        }
        o.item(0x50, u.toByteArray());
    }

    /** The A-ABORT reason for a decoding failure (PS3.8 table 9-26). */
    public static int abortReason(DicomNetException e) {
        return switch (e.code()) {
            case NET_PDU_UNKNOWN -> Pdu.Abort.UNRECOGNIZED_PDU;
            case NET_PDU_UNEXPECTED -> Pdu.Abort.UNEXPECTED_PDU;
            case NET_PDU_MALFORMED, NET_PDU_TOO_LARGE -> Pdu.Abort.INVALID_PARAMETER;
            default -> Pdu.Abort.NOT_SPECIFIED;
        };
    }

    // ------------------------------------------------------------------ helpers

    static DicomNetException malformed(String what) {
        return new DicomNetException(DicomErrorCode.NET_PDU_MALFORMED, what);
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    static byte[] slice(byte[] b, int off, int len) {
        byte[] r = new byte[len];
        System.arraycopy(b, off, r, 0, len);
        return r;
    }

    static String ae(byte[] b, int off) {
        String s = text(b, off, 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw malformed("AE title with a control or non-ASCII character");
            }
        }
        return s;
    }

    static String text(byte[] b, int off, int len) {
        int end = off + len;
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        int start = off;
        while (start < end && b[start] == ' ') {
            start++;
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    static String uid(byte[] b, int off, int len, String what) {
        String s = text(b, off, len);
        if (s.isEmpty() || s.length() > MAX_UID) {
            throw malformed(what + " UID is empty or longer than 64 characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                throw malformed(what + " UID contains a character other than digits and dots");
            }
        }
        return s;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable big-endian buffer. */
    private static final class Buf extends ByteArrayOutputStream {
        Buf u8(int v) {
            write(v);
            return this;
        }

        Buf u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Buf u32(long v) {
            write((int) (v >>> 24));
            write((int) (v >>> 16));
            write((int) (v >>> 8));
            write((int) v);
            return this;
        }

        Buf ae(String ae) {
            byte[] a = new byte[16];
            java.util.Arrays.fill(a, (byte) ' ');
            byte[] s = ascii(ae);
            System.arraycopy(s, 0, a, 0, Math.min(16, s.length));
            write(a, 0, 16);
            return this;
        }

        Buf item(int type, byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("item of " + value.length + " bytes does not fit a 16-bit length");
            }
            u8(type).u8(0).u16(value.length);
            write(value, 0, value.length);
            return this;
        }
    }
}
