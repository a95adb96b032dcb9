package org.iep.adapters.hl7;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ORU^R01 messages as a RIS sends them, with the fixtures' patient P0001 (issuer STEE). */
final class Messages {
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private Messages() {
    }

    static String header(String controlId, String type) {
        return "MSH|^~\\&|RIS|STEE|IEP|IEP|20260302090000||" + type + "|" + controlId + "|P|2.5\r";
    }

    static String textReport(String controlId, String accession) {
        return header(controlId, "ORU^R01^ORU_R01")
                + "PID|||P0001^^^STEE||Jones^Patricia\r"
                + "OBR|1||" + accession + "|CT^CT Head\r"
                + "OBX|1|TX|RPT^Report||CT head: no acute haemorrhage.||||||F\r"
                + "OBX|2|FT|RPT^Report||Impression:\\.br\\normal study||||||F\r"
                + "OBX|3|ST|RPT^Report||Reported by Dr Who||||||F\r";
    }

    static String pdfReport(String controlId, String accession) {
        return header(controlId, "ORU^R01^ORU_R01")
                + "PID|||P0001^^^STEE||Jones^Patricia\r"
                + "OBR|1||" + accession + "|CT^CT Head\r"
                + "OBX|1|ED|PDF^Report||^AP^PDF^Base64^" + Base64.getEncoder().encodeToString(PDF)
                + "||||||F\r";
    }

    static String adt(String controlId) {
        return header(controlId, "ADT^A01^ADT_A01") + "EVN|A01|20260302090000\rPID|||P0001^^^STEE||Jones^Patricia\r";
    }

    static byte[] frame(String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[m.length + 3];
        f[0] = 0x0B;
        System.arraycopy(m, 0, f, 1, m.length);
        f[m.length + 1] = 0x1C;
        f[m.length + 2] = 0x0D;
        return f;
    }
}
