package org.iep.adapters.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The few MSH fields needed before (or instead of) parsing: who sent it, its control ID and its character set.
 * Read leniently from the raw bytes so even a message HAPI refuses can be answered with its control ID.
 */
record MshHeader(String sendingApplication, String sendingFacility, String controlId, Charset charset) {

    static Optional<MshHeader> of(byte[] payload) {
        String latin = new String(payload, 0, Math.min(payload.length, 4096), StandardCharsets.ISO_8859_1);
        if (!latin.startsWith("MSH") || latin.length() < 8) {
            return Optional.empty();
        }
        char sep = latin.charAt(3);
        int end = indexOfSegmentEnd(latin);
        String[] f = latin.substring(0, end).split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        // f[0] = "MSH", f[1] = encoding characters (MSH-2), so MSH-n is f[n - 1].
        char component = f.length > 1 && !f[1].isEmpty() ? f[1].charAt(0) : '^';
        return Optional.of(new MshHeader(first(field(f, 3), component), first(field(f, 4), component),
                field(f, 10), charset(field(f, 18), payload)));
    }

    /** The idempotency key: a control ID is unique per sending application and facility only. */
    String messageKey() {
        return "hl7:" + sendingApplication + "|" + sendingFacility + "|" + controlId;
    }

    private static int indexOfSegmentEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\r' || s.charAt(i) == '\n') {
                return i;
            }
        }
        return s.length();
    }

    private static String field(String[] f, int n) {
        return f.length > n - 1 ? f[n - 1] : "";
    }

    private static String first(String value, char component) {
        int i = value.indexOf(component);
        return i < 0 ? value : value.substring(0, i);
    }

    /** MSH-18 decides; without it, strict UTF-8 when the bytes are valid UTF-8, else the HL7 default 8859/1. */
    private static Charset charset(String msh18, byte[] payload) {
        String cs = msh18.trim().toUpperCase(java.util.Locale.ROOT);
        if (cs.contains("UTF-8") || cs.contains("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (!cs.isEmpty() && !cs.equals("ASCII")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(payload));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
