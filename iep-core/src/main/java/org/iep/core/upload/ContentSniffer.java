package org.iep.core.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Types a file by its bytes, never by its name, from its first and last bytes. A name whose extension claims another
 * accepted kind than the content is refused too: a {@code .pdf} holding HTML or a {@code .dcm} holding a program is
 * someone's mistake at best. Content carrying a second format (a zip directory at the end of a PDF or image) is
 * refused, since whatever opens the file later might pick the other reading.
 */
final class ContentSniffer {
    /** How many leading bytes the sniffer wants. */
    static final int HEAD = 64 * 1024;
    /** How many trailing bytes: a zip's end record lies within the last 64 KiB + 22 bytes. */
    static final int TAIL = 64 * 1024 + 22;

    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] WORD_STREAM = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
    private static final byte[] DICOMDIR_CLASS = "1.2.840.10008.1.3.10".getBytes(StandardCharsets.US_ASCII);

    private ContentSniffer() {
    }

    /**
     * @param head the first {@link #HEAD} bytes (all, if the file is shorter)
     * @param tail the last {@link #TAIL} bytes (all, if shorter)
     */
    static Sniffed sniff(String fileName, byte[] head, byte[] tail, long size) {
        if (size == 0) {
            return refused("the file is empty");
        }
        Sniffed byContent = byContent(head, tail, size);
        if (byContent instanceof Sniffed.Kind k) {
            Optional<ContentKind> claimed = ContentKind.claimedBy(fileName);
            ContentKind actual = k.kind() == ContentKind.DICOMDIR ? ContentKind.DICOM : k.kind();
            if (claimed.isPresent() && claimed.get() != actual && !(claimed.get() == ContentKind.DOCX
                    && actual == ContentKind.ZIP) && !(claimed.get() == ContentKind.ZIP && actual == ContentKind.DOCX)) {
                return refused("the name says " + claimed.get() + " but the content is " + describe(actual));
            }
        }
        return byContent;
    }

    private static Sniffed byContent(byte[] head, byte[] tail, long size) {
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return indexOf(head, DICOMDIR_CLASS, 132) >= 0 && isDicomdirMeta(head)
                    ? kind(ContentKind.DICOMDIR) : kind(ContentKind.DICOM);
        }
        if (startsWith(head, "PK\3\4") || startsWith(head, "PK\5\6")) {
            return kind(ContentKind.ZIP);
        }
        boolean zipInside = indexOf(tail, ZIP_END, 0) >= 0;
        if (startsWith(head, "%PDF-")) {
            if (indexOf(tail, "%%EOF".getBytes(StandardCharsets.US_ASCII), Math.max(0, tail.length - 1024)) < 0) {
                return refused("the content starts like a PDF but is not a complete PDF document");
            }
            return zipInside ? polyglot("PDF") : kind(ContentKind.PDF);
        }
        if (startsWith(head, OLE2)) {
            return indexOf(head, WORD_STREAM, 0) >= 0 || indexOf(tail, WORD_STREAM, 0) >= 0 ? kind(ContentKind.DOC)
                    : refused("the content is an Office document other than Word (only Word, PDF, text and images"
                            + " are accepted as documents)");
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return head.length >= 16 && head[12] == 'I' && head[13] == 'H' && head[14] == 'D' && head[15] == 'R'
                    ? zipInside ? polyglot("PNG") : kind(ContentKind.PNG)
                    : refused("the content starts like a PNG image but has no image header");
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return zipInside ? polyglot("GIF") : kind(ContentKind.GIF);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return zipInside ? polyglot("JPEG") : kind(ContentKind.JPEG);
        }
        if (startsWith(head, "II*\0") || startsWith(head, "MM\0*")) {
            return zipInside ? polyglot("TIFF") : kind(ContentKind.TIFF);
        }
        Optional<String> known = knownRefused(head);
        if (known.isPresent()) {
            return refused("the content is " + known.get() + ", which is not accepted");
        }
        if (size <= HEAD && isText(head)) {
            return firstNonBlank(head) == '<' ? refused("the content is markup (HTML, XML or SVG), which is not"
                    + " accepted; send a PDF instead") : kind(ContentKind.TEXT);
        }
        if (size > HEAD && isTextPrefix(head) && isTextPrefix(tail)) {
            return firstNonBlank(head) == '<' ? refused("the content is markup (HTML, XML or SVG), which is not"
                    + " accepted; send a PDF instead") : kind(ContentKind.TEXT);
        }
        if (looksLikeDicomWithoutPreamble(head)) {
            return refused("the content looks like a DICOM data set without the DICM header; export it from the"
                    + " viewer or PACS as a DICOM Part 10 file");
        }
        return refused("the content is not DICOM, a zip archive, PDF, Word, text, TIFF, GIF, JPEG or PNG");
    }

    private static Optional<String> knownRefused(byte[] head) {
        if (startsWith(head, "MZ")) {
            return Optional.of("a Windows program");
        }
        if (startsWith(head, "\u007fELF")) {
            return Optional.of("a Linux program");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xCF && (head[1] & 0xFF) == 0xFA && (head[2] & 0xFF) == 0xED
                && (head[3] & 0xFF) == 0xFE || head.length >= 4 && (head[0] & 0xFF) == 0xCA
                && (head[1] & 0xFF) == 0xFE && (head[2] & 0xFF) == 0xBA && (head[3] & 0xFF) == 0xBE) {
            return Optional.of("a macOS program or Java class");
        }
        if (startsWith(head, "#!")) {
            return Optional.of("a script");
        }
        if (startsWith(head, "%!PS")) {
            return Optional.of("PostScript");
        }
        if (startsWith(head, "Rar!") || startsWith(head, "7z\u00bc\u00af") || head.length >= 2
                && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return Optional.of("an archive other than zip (RAR, 7-Zip or gzip)");
        }
        if (startsWith(head, "{\\rtf")) {
            return Optional.of("RTF");
        }
        return Optional.empty();
    }

    /** An implicit VR little endian data set starting with group 0008 (what "DICOM without DICM" usually is). */
    private static boolean looksLikeDicomWithoutPreamble(byte[] head) {
        return head.length >= 8 && (head[0] == 0x08 || head[0] == 0x02) && head[1] == 0 && head[3] == 0;
    }

    private static boolean isDicomdirMeta(byte[] head) {
        // the Media Storage SOP Class UID (0002,0002) sits within the first few hundred bytes of the meta group
        return indexOf(head, DICOMDIR_CLASS, 132) < 600;
    }

    private static String describe(ContentKind k) {
        return switch (k) {
            case DICOM, DICOMDIR -> "DICOM";
            case ZIP -> "a zip archive";
            case TEXT -> "text";
            default -> k.name();
        };
    }

    private static Sniffed polyglot(String what) {
        return refused("the content is " + what + " with a zip archive hidden inside; send the two separately");
    }

    private static Sniffed kind(ContentKind k) {
        return new Sniffed.Kind(k);
    }

    private static Sniffed refused(String reason) {
        return new Sniffed.Refused(reason);
    }

    private static int firstNonBlank(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < b.length; i++) {
            if (!Character.isWhitespace(b[i])) {
                return b[i];
            }
        }
        return -1;
    }

    static boolean isText(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return noControls(s);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Text whose ends may cut a UTF-8 sequence: up to three bytes at either end are forgiven. */
    private static boolean isTextPrefix(byte[] content) {
        for (int cut = 0; cut <= 3 && cut <= content.length; cut++) {
            for (int start = 0; start <= 3 && start + cut <= content.length; start++) {
                byte[] slice = java.util.Arrays.copyOfRange(content, start, content.length - cut);
                if (isText(slice)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean noControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, String ascii) {
        return startsWith(b, ascii.getBytes(StandardCharsets.ISO_8859_1));
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

    static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
