package org.iep.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iep.api.Problem;
import org.iep.core.ingest.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * Forty files whose name and content disagree, or whose content is not accepted at all. Each is uploaded alone; each
 * must be refused with a reason, and nothing stored.
 */
class TypeMismatchCorpusTest {

    static Map<String, byte[]> corpus() {
        byte[] dicom = TestInstances.ct("1.2.3.1", 1);
        byte[] pdf = UploadsTest.PDF;
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13},
                ascii("IHDR"), new byte[13]);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
            (byte) 0xFF, (byte) 0xD9};
        byte[] gif = ascii("GIF89a\1\0\1\0\0\0\0;");
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0};
        byte[] zip = new Zips().add("a.txt", ascii("hello\n")).bytes();
        byte[] exe = concat(ascii("MZ"), new byte[200]);
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("viewer.dcm", exe);
        c.put("IM0001.dcm", concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, new byte[100]));
        c.put("report.pdf", ascii("<!DOCTYPE html><html><body>report</body></html>"));
        c.put("photo.png", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        c.put("letter.pdf", concat(pdf, zip));
        c.put("scan.png", concat(png, zip));
        c.put("scan.jpg", concat(jpeg, zip));
        c.put("scan.gif", concat(gif, zip));
        c.put("scan.tif", concat(tiff, zip));
        c.put("noheader.dcm", Arrays.copyOfRange(dicom, 132 + metaLength(dicom), dicom.length));
        c.put("IM0002", Arrays.copyOfRange(dicom, 132 + metaLength(dicom), dicom.length));
        c.put("image.jpg", png);
        c.put("image.png", jpeg);
        c.put("image.gif", tiff);
        c.put("image.tiff", gif);
        c.put("study.dcm", pdf);
        c.put("study.zip", pdf);
        c.put("notes.txt", pdf);
        c.put("notes.doc", ascii("plain words\n"));
        c.put("notes.docx", zip);
        c.put("report.pdf.exe", exe);
        c.put("install.sh", ascii("#!/bin/sh\nrm -rf /\n"));
        c.put("readme.txt", ascii("#!/usr/bin/env python3\nprint(1)\n"));
        c.put("page.txt", ascii("<html><script>steal()</script></html>"));
        c.put("data.xml", ascii("<?xml version=\"1.0\"?><x/>"));
        c.put("empty.pdf", new byte[0]);
        c.put("cut.pdf", ascii("%PDF-1.7\n1 0 obj\n"));
        c.put("archive.rar", ascii("Rar!\u001a\u0007\u0000rest"));
        c.put("archive.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        c.put("archive.7z", concat(ascii("7z"), new byte[] {(byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}));
        c.put("macro.doc", concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1}, ascii("Workbook")));
        c.put("letter.rtf", ascii("{\\rtf1\\ansi hello}"));
        c.put("print.ps", ascii("%!PS-Adobe-3.0\n"));
        c.put("Main.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        c.put("binary.txt", new byte[] {'a', 'b', 0, 1, 2, 3});
        c.put("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, 0x00});
        c.put("fakepng.png", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, new byte[8]));
        c.put("unknown.bin", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x99});
        c.put("wrong.docx", new Zips().add("[Content_Types].xml", ascii("<Types/>")).bytes());
        c.put("bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("  <html>x</html>")));
        return c;
    }

    @Test
    void fortyOfFortyAreRefusedWithAReasonAndNothingIsStored() {
        Map<String, byte[]> corpus = corpus();
        assertThat(corpus).hasSize(40);
        UploadFixture f = new UploadFixture();
        int refused = 0;
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            String s = f.open();
            f.send(s, e.getKey(), e.getValue());
            assertThatThrownBy(() -> f.confirm(s)).as(e.getKey())
                    .isInstanceOfSatisfying(UploadRefusedException.class, ex -> {
                        assertThat(ex.problems()).as(e.getKey()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo(e.getKey());
                            assertThat(p.message()).isNotBlank();
                        });
                    });
            refused++;
        }
        assertThat(refused).isEqualTo(40);
        assertThat(f.storedBlobs()).isEmpty();
        assertThat(f.index.byTransaction(f.tx.id())).isEmpty();
    }

    @Test
    void theReasonsSayWhatTheContentIs() {
        UploadFixture f = new UploadFixture();
        String s = f.open();
        f.send(s, "viewer.dcm", corpus().get("viewer.dcm"));
        f.send(s, "report.pdf", corpus().get("report.pdf"));
        f.send(s, "letter.pdf", corpus().get("letter.pdf"));
        f.send(s, "noheader.dcm", corpus().get("noheader.dcm"));

        assertThatThrownBy(() -> f.confirm(s)).isInstanceOfSatisfying(UploadRefusedException.class, ex ->
                assertThat(ex.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                        "the content is a Windows program, which is not accepted",
                        "the content is markup (HTML, XML or SVG), which is not accepted; send a PDF instead",
                        "the content is PDF with a zip archive hidden inside; send the two separately",
                        "the content looks like a DICOM data set without the DICM header; export it from the viewer"
                                + " or PACS as a DICOM Part 10 file"));
    }

    private static int metaLength(byte[] part10) {
        // (0002,0000) UL value at offset 140: the meta group's length after that element
        int v = (part10[140] & 0xFF) | (part10[141] & 0xFF) << 8 | (part10[142] & 0xFF) << 16
                | (part10[143] & 0xFF) << 24;
        return 12 + v;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
