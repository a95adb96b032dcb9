package org.iep.dicom.net.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;

/**
 * A DIMSE command set: group 0000 elements in implicit VR little endian (PS3.7 6.3, E.1). Values are kept as raw
 * bytes; typed accessors read US/UL numbers and UI/AE/LO strings. The decoder is strict (elements in group 0000
 * only, lengths within the command, ascending tags) and refuses commands longer than 64 KiB.
 */
public final class CommandSet {

    public static final int GROUP_LENGTH = 0x00000000, AFFECTED_SOP_CLASS = 0x00000002,
            REQUESTED_SOP_CLASS = 0x00000003, COMMAND_FIELD = 0x00000100, MESSAGE_ID = 0x00000110,
            MESSAGE_ID_RESPONDED = 0x00000120, MOVE_DESTINATION = 0x00000600, PRIORITY = 0x00000700,
            DATA_SET_TYPE = 0x00000800, STATUS = 0x00000900, OFFENDING_ELEMENT = 0x00000901,
            ERROR_COMMENT = 0x00000902, ERROR_ID = 0x00000903, AFFECTED_SOP_INSTANCE = 0x00001000,
            REQUESTED_SOP_INSTANCE = 0x00001001, REMAINING = 0x00001020, COMPLETED = 0x00001021,
            FAILED = 0x00001022, WARNING = 0x00001023, MOVE_ORIGINATOR_AE = 0x00001030,
            MOVE_ORIGINATOR_ID = 0x00001031, EVENT_TYPE_ID = 0x00001002, ACTION_TYPE_ID = 0x00001008;

    /** Command fields (PS3.7 E.1). */
    public static final int C_STORE_RQ = 0x0001, C_STORE_RSP = 0x8001, C_GET_RQ = 0x0010, C_GET_RSP = 0x8010,
            C_FIND_RQ = 0x0020, C_FIND_RSP = 0x8020, C_MOVE_RQ = 0x0021, C_MOVE_RSP = 0x8021, C_ECHO_RQ = 0x0030,
            C_ECHO_RSP = 0x8030, C_CANCEL_RQ = 0x0FFF;

    /** DIMSE-N command fields storage commitment uses (PS3.7 E.2). */
    public static final int N_EVENT_REPORT_RQ = 0x0100, N_EVENT_REPORT_RSP = 0x8100, N_ACTION_RQ = 0x0130,
            N_ACTION_RSP = 0x8130;

    /** Command Data Set Type value meaning "no data set". */
    public static final int NO_DATA_SET = 0x0101;

    private static final int MAX = 64 * 1024;

    private final TreeMap<Integer, byte[]> values = new TreeMap<>();

    /**
     * A new command with its command field, message ID (the ID responded to for responses and C-CANCEL) and data
     * set flag.
     */
    public static CommandSet of(int commandField, int messageId, boolean hasDataSet) {
        CommandSet c = new CommandSet();
        c.setUs(COMMAND_FIELD, commandField);
        // responses and C-CANCEL-RQ name the message they refer to (PS3.7 9.3.2.3)
        boolean refers = (commandField & 0x8000) != 0 || commandField == C_CANCEL_RQ;
        c.setUs(refers ? MESSAGE_ID_RESPONDED : MESSAGE_ID, messageId);
        c.setUs(DATA_SET_TYPE, hasDataSet ? 0x0000 : NO_DATA_SET);
        return c;
    }

    public CommandSet setUs(int tag, int value) {
        values.put(tag, new byte[] {(byte) value, (byte) (value >>> 8)});
        return this;
    }

    /** Sets a UI (padded with NUL) or AE/LO/CS (padded with space) value. */
    public CommandSet setString(int tag, String value) {
        boolean uid = tag == AFFECTED_SOP_CLASS || tag == REQUESTED_SOP_CLASS || tag == AFFECTED_SOP_INSTANCE
                || tag == REQUESTED_SOP_INSTANCE;
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        if ((b.length & 1) != 0) {
            byte[] p = new byte[b.length + 1];
            System.arraycopy(b, 0, p, 0, b.length);
            p[b.length] = uid ? 0 : (byte) ' ';
            b = p;
        }
        values.put(tag, b);
        return this;
    }

    public boolean contains(int tag) {
        return values.containsKey(tag);
    }

    /** A US value, or -1 when absent; a value of the wrong length is a malformed command. */
    public int us(int tag) {
        byte[] b = values.get(tag);
        if (b == null) {
            return -1;
        }
        if (b.length != 2) {
            throw malformed("element " + tagName(tag) + " is not a 2-byte US");
        }
        return (b[0] & 0xFF) | ((b[1] & 0xFF) << 8);
    }

    /** A required US value. */
    public int requireUs(int tag) {
        int v = us(tag);
        if (v < 0) {
            throw malformed("required element " + tagName(tag) + " is missing");
        }
        return v;
    }

    /** A string value without padding, or null. */
    public String string(int tag) {
        byte[] b = values.get(tag);
        if (b == null) {
            return null;
        }
        int end = b.length;
        while (end > 0 && (b[end - 1] == 0 || b[end - 1] == ' ')) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** A required string value. */
    public String requireString(int tag) {
        String s = string(tag);
        if (s == null) {
            throw malformed("required element " + tagName(tag) + " is missing");
        }
        return s;
    }

    public int commandField() {
        return requireUs(COMMAND_FIELD);
    }

    public boolean hasDataSet() {
        return requireUs(DATA_SET_TYPE) != NO_DATA_SET;
    }

    public int status() {
        return requireUs(STATUS);
    }

    /** Encodes with a correct (0000,0000) group length. */
    public byte[] encode() {
        ByteArrayOutputStream o = new ByteArrayOutputStream(256);
        int len = 0;
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            if (e.getKey() != GROUP_LENGTH) {
                len += 8 + e.getValue().length;
            }
        }
        element(o, GROUP_LENGTH, new byte[] {(byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24)});
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            if (e.getKey() != GROUP_LENGTH) {
                element(o, e.getKey(), e.getValue());
            }
        }
        return o.toByteArray();
    }

    private static void element(ByteArrayOutputStream o, int tag, byte[] v) {
        o.write(tag >>> 16);
        o.write(tag >>> 24);
        o.write(tag);
        o.write(tag >>> 8);
        int n = v.length;
        o.write(n);
        o.write(n >>> 8);
        o.write(n >>> 16);
        o.write(n >>> 24);
        o.write(v, 0, n);
    }

    /** Decodes a command set; every error is NET_DIMSE_MALFORMED. */
    public static CommandSet decode(byte[] b) {
        if (b.length > MAX) {
            throw malformed("command set longer than " + MAX + " bytes");
        }
        CommandSet c = new CommandSet();
        int pos = 0;
        long previous = -1;
        while (pos < b.length) {
            if (b.length - pos < 8) {
                throw malformed("truncated element header");
            }
            int group = u16(b, pos);
            int element = u16(b, pos + 2);
            long len = u16(b, pos + 4) | ((long) u16(b, pos + 6) << 16);
            if (group != 0) {
                throw malformed("element outside group 0000 in a command set");
            }
            if (element <= previous) {
                throw malformed("command elements out of order or repeated");
            }
            if (len > b.length - pos - 8) {
                throw malformed("element length " + len + " runs past the command set");
            }
            byte[] v = new byte[(int) len];
            System.arraycopy(b, pos + 8, v, 0, v.length);
            c.values.put(element, v);
            previous = element;
            pos += 8 + (int) len;
        }
        if (!c.contains(COMMAND_FIELD)) {
            throw malformed("command set without Command Field (0000,0100)");
        }
        if (!c.contains(DATA_SET_TYPE)) {
            throw malformed("command set without Command Data Set Type (0000,0800)");
        }
        c.commandField();
        c.hasDataSet();
        return c;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
    }

    private static String tagName(int tag) {
        return String.format("(0000,%04X)", tag & 0xFFFF);
    }

    static DicomNetException malformed(String message) {
        return new DicomNetException(DicomErrorCode.NET_DIMSE_MALFORMED, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CommandSet[");
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            sb.append(tagName(e.getKey())).append('=').append(e.getValue().length).append("B ");
        }
        return sb.append(']').toString();
    }
}
