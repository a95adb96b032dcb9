package org.iep.core.upload;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a file is, by its content. Only these are accepted; the media type is what the package later declares. */
public enum ContentKind {
    DICOM("application/dicom", true),
    DICOMDIR("application/dicom", false),
    ZIP("application/zip", false),
    PDF("application/pdf", true),
    DOC("application/msword", true),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true),
    TEXT("text/plain", true),
    TIFF("image/tiff", true),
    GIF("image/gif", true),
    JPEG("image/jpeg", true),
    PNG("image/png", true);

    private static final Map<String, ContentKind> BY_EXTENSION = Map.ofEntries(Map.entry("dcm", DICOM),
            Map.entry("dicom", DICOM), Map.entry("dic", DICOM), Map.entry("zip", ZIP), Map.entry("pdf", PDF),
            Map.entry("doc", DOC), Map.entry("docx", DOCX), Map.entry("txt", TEXT), Map.entry("text", TEXT),
            Map.entry("tif", TIFF), Map.entry("tiff", TIFF), Map.entry("gif", GIF), Map.entry("jpg", JPEG),
            Map.entry("jpeg", JPEG), Map.entry("png", PNG));

    private final String mediaType;
    private final boolean stored;

    ContentKind(String mediaType, boolean stored) {
        this.mediaType = mediaType;
        this.stored = stored;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether files of this kind end up in the transaction (a DICOMDIR is ignored, an archive expanded). */
    public boolean stored() {
        return stored;
    }

    public boolean isAttachment() {
        return stored && this != DICOM;
    }

    /** What a file name's extension claims, if it names one of the accepted kinds. */
    static Optional<ContentKind> claimedBy(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(base.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
