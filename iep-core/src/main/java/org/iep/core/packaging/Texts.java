package org.iep.core.packaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;

/** README.TXT and IHE_PDI/INDEX.HTM: who and what the package is, and how to look at it without IEP. */
final class Texts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Texts() {
    }

    static byte[] readme(Transaction t, List<StudyEntry> studies, String institution, List<String> reportFiles) {
        StringBuilder s = new StringBuilder();
        s.append("MEDICAL IMAGES - ").append(t.tracking().value()).append("\r\n\r\n");
        s.append("Patient:        ").append(t.patient().givenName()).append(' ').append(t.patient().familyName())
                .append("\r\n");
        s.append("Date of birth:  ").append(DATE.format(t.patient().birthDate())).append("\r\n");
        s.append("Sent by:        ").append(institution).append("\r\n\r\n");
        s.append("Studies:\r\n");
        for (StudyEntry e : studies) {
            s.append("  - ").append(describe(e)).append("\r\n");
        }
        if (!reportFiles.isEmpty()) {
            s.append("\r\nReports (folder REPORTS):\r\n");
            reportFiles.forEach(r -> s.append("  - ").append(r).append("\r\n"));
        }
        s.append("\r\nHOW TO VIEW\r\n");
        s.append("This package follows the IHE Portable Data for Imaging (PDI) layout. Open the file DICOMDIR\r\n");
        s.append("with any DICOM viewer (for example Weasis, Horos, MicroDicom or RadiAnt), or import the\r\n");
        s.append("whole folder into your hospital's PACS. The images are in the folder DICOM.\r\n");
        s.append("IHE_PDI/INDEX.HTM lists the content in a web browser.\r\n\r\n");
        s.append("These images contain personal medical information. Keep them safe and delete them when you\r\n");
        s.append("no longer need them.\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @param textReports the text of plain-text reports by their file name, shown on the page itself */
    static byte[] index(Transaction t, List<StudyEntry> studies, String institution, List<String> reportFiles,
                        java.util.Map<String, String> textReports) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Medical images ")
                .append(html(t.tracking().value())).append("</title></head><body>\n");
        s.append("<h1>Medical images</h1>\n<dl>\n");
        s.append("<dt>Patient</dt><dd>").append(html(t.patient().givenName() + " " + t.patient().familyName()))
                .append("</dd>\n");
        s.append("<dt>Date of birth</dt><dd>").append(html(DATE.format(t.patient().birthDate()))).append("</dd>\n");
        s.append("<dt>Sent by</dt><dd>").append(html(institution)).append("</dd>\n");
        s.append("<dt>Reference</dt><dd>").append(html(t.tracking().value())).append("</dd>\n</dl>\n");
        s.append("<h2>Studies</h2>\n<ul>\n");
        for (StudyEntry e : studies) {
            s.append("<li>").append(html(describe(e))).append("</li>\n");
        }
        s.append("</ul>\n");
        if (!reportFiles.isEmpty()) {
            s.append("<h2>Reports</h2>\n<ul>\n");
            for (String r : reportFiles) {
                s.append("<li><a href=\"../REPORTS/").append(html(r)).append("\">").append(html(r))
                        .append("</a></li>\n");
            }
            s.append("</ul>\n");
            textReports.forEach((name, text) -> s.append("<h3>").append(html(name)).append("</h3>\n<pre>")
                    .append(html(text)).append("</pre>\n"));
        }
        s.append("<h2>How to view</h2>\n<p>Open <code>DICOMDIR</code> at the top of this package with a DICOM viewer"
                + " (for example Weasis, Horos, MicroDicom or RadiAnt), or import the folder into a PACS.</p>\n");
        s.append("</body></html>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(StudyEntry e) {
        String date = e.studyDate().length() == 8 ? e.studyDate().substring(6) + "/" + e.studyDate().substring(4, 6)
                + "/" + e.studyDate().substring(0, 4) : "date unknown";
        String what = e.description().isBlank() ? "Study" : e.description();
        return what + " (" + (e.modalities().isBlank() ? "?" : e.modalities()) + "), " + date + ", "
                + e.receivedInstances() + " images";
    }

    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
