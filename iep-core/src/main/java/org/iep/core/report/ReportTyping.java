package org.iep.core.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.Problem;

/**
 * Types report content by its bytes only: a PDF starts with {@code %PDF-}, ends with {@code %%EOF} and carries no
 * zip directory; text is strict UTF-8 without control characters other than tab, line feed, form feed and carriage
 * return. Anything else (an executable, a zip, a PDF/zip polyglot) is refused, since packaging shows reports to
 * recipients and must not carry other content under a report's name. HTML passes as text: it is stored and shown as
 * {@code text/plain}, never rendered.
 */
final class ReportTyping {
    static final String PDF = "application/pdf";
    static final String TEXT = "text/plain";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** A zip's end-of-central-directory record, which zip readers look for in the last 64 KiB + 22 bytes. */
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final int ZIP_END_WINDOW = 65_536 + 22;

    private ReportTyping() {
    }

    /** The media type, or a refusal naming why. */
    static String mediaType(byte[] content, long maxBytes) {
        if (content.length == 0) {
            throw refused(CoreErrorCode.REPORT_TYPE_NOT_ALLOWED, "the report is empty");
        }
        if (content.length > maxBytes) {
            throw refused(CoreErrorCode.REPORT_TOO_LARGE, "the report has " + content.length
                    + " bytes; at most " + maxBytes + " are accepted");
        }
        if (startsWith(content, PDF_MAGIC)) {
            if (!endsWithEof(content) || indexOf(content, ZIP_END, Math.max(0, content.length - ZIP_END_WINDOW)) >= 0) {
                throw refused(CoreErrorCode.REPORT_TYPE_NOT_ALLOWED,
                        "the content starts like a PDF but is not a complete PDF document");
            }
            return PDF;
        }
        if (isText(content)) {
            return TEXT;
        }
        throw refused(CoreErrorCode.REPORT_TYPE_NOT_ALLOWED, "the content is neither a PDF nor UTF-8 text");
    }

    static boolean isText(byte[] content) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            if (control || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code %%EOF} followed by nothing but line ends: anything appended after the PDF is refused. */
    private static boolean endsWithEof(byte[] b) {
        int end = b.length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' ')) {
            end--;
        }
        int start = end - PDF_END.length;
        return start >= 0 && indexOf(b, PDF_END, start) == start;
    }

    private static int indexOf(byte[] b, byte[] marker, int from) {
        outer:
        for (int i = from; i <= b.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (b[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static RefusedReportException refused(CoreErrorCode code, String message) {
        return new RefusedReportException(code, List.of(new Problem("content", message)));
    }
}
