package org.iep.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iep.api.Problem;
import org.iep.api.spi.BlobStore;
import org.iep.dicom.DicomException;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;

/**
 * The first phase of confirming an upload: every staged file, and every entry of every archive, is read once and
 * typed; each refusal is recorded with its reason; DICOM headers are read up to the pixel data for the patient
 * check. Nothing is written. Archives inflate here in full, so a forged size or a bomb is found before anything is
 * stored.
 */
final class UploadScan {
    private final BlobStore blobs;
    private final UploadLimits limits;
    final List<Planned> plans = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, DicomFile> headers = new LinkedHashMap<>();
    long bytes;

    UploadScan(BlobStore blobs, UploadLimits limits) {
        this.blobs = blobs;
        this.limits = limits;
    }

    void scan(List<StagedFile> files) {
        for (StagedFile f : files) {
            scanFile(f);
        }
    }

    private void scanFile(StagedFile f) {
        long size = f.size();
        bytes += size;
        if (size > limits.maxFileBytes()) {
            refuse(f.name(), size + " bytes; at most " + limits.maxFileBytes() + " are accepted per file");
            return;
        }
        byte[] head = f.read(blobs, 0, ContentSniffer.HEAD);
        byte[] tail = f.read(blobs, Math.max(0, size - ContentSniffer.TAIL), ContentSniffer.TAIL);
        Sniffed s = ContentSniffer.sniff(f.name(), head, tail, size);
        if (s instanceof Sniffed.Refused r) {
            refuse(f.name(), r.reason());
            return;
        }
        ContentKind kind = ((Sniffed.Kind) s).kind();
        switch (kind) {
            case ZIP -> scanArchive(f);
            case DICOM -> {
                if (readHeader(f.name(), () -> f.open(blobs))) {
                    plans.add(new Planned(f, kind, List.of()));
                }
            }
            case DICOMDIR -> plans.add(new Planned(f, kind, List.of()));
            default -> {
                if (attachmentFits(f.name(), kind, size)) {
                    plans.add(new Planned(f, kind, List.of()));
                }
            }
        }
    }

    private void scanArchive(StagedFile f) {
        try (SafeZip zip = SafeZip.open(new StagedChannel(blobs, f), limits)) {
            if (isWordDocument(zip)) {
                if (attachmentFits(f.name(), ContentKind.DOCX, f.size())) {
                    plans.add(new Planned(f, ContentKind.DOCX, List.of()));
                }
                return;
            }
            if (ContentKind.claimedBy(f.name()).orElse(ContentKind.ZIP) == ContentKind.DOCX) {
                refuse(f.name(), "the name says DOCX but the content is a zip archive without a Word document");
                return;
            }
            List<Planned.PlannedEntry> entries = new ArrayList<>();
            for (SafeZip.Entry e : zip.entries()) {
                String name = f.name() + "/" + e.name();
                Sample sample = sample(zip, e);
                Sniffed s = ContentSniffer.sniff(e.name(), sample.head, sample.tail, sample.size);
                if (s instanceof Sniffed.Refused r) {
                    refuse(name, r.reason());
                    continue;
                }
                ContentKind kind = ((Sniffed.Kind) s).kind();
                if (kind == ContentKind.ZIP || kind == ContentKind.DOCX && isZipNamed(e.name())) {
                    refuse(name, "an archive inside an archive is not expanded; upload it on its own");
                } else if (kind == ContentKind.DICOM) {
                    if (readHeader(name, () -> zip.open(e))) {
                        entries.add(new Planned.PlannedEntry(e.name(), kind, sample.size));
                    }
                } else if (kind == ContentKind.DICOMDIR || attachmentFits(name, kind, sample.size)) {
                    entries.add(new Planned.PlannedEntry(e.name(), kind, sample.size));
                }
            }
            plans.add(new Planned(f, ContentKind.ZIP, entries));
        } catch (ZipRefusedException e) {
            refuse(f.name(), e.getMessage());
        }
    }

    private static boolean isZipNamed(String name) {
        return ContentKind.claimedBy(name).filter(k -> k == ContentKind.ZIP).isPresent();
    }

    private static boolean isWordDocument(SafeZip zip) {
        Set<String> names = new java.util.HashSet<>();
        zip.entries().forEach(e -> names.add(e.name()));
        return names.contains("[Content_Types].xml") && names.contains("word/document.xml");
    }

    private boolean attachmentFits(String name, ContentKind kind, long size) {
        if (size > limits.maxAttachmentBytes()) {
            refuse(name, "a " + kind + " document of " + size + " bytes; at most " + limits.maxAttachmentBytes()
                    + " are accepted");
            return false;
        }
        return true;
    }

    private interface Opener {
        InputStream open();
    }

    private boolean readHeader(String name, Opener opener) {
        try (InputStream in = opener.open(); DicomReader r = DicomReader.open(in)) {
            headers.put(name, r.readUntilPixelData());
            return true;
        } catch (DicomException e) {
            refuse(name, "is not a readable DICOM instance (" + e.getMessage() + ")");
        } catch (ZipRefusedException e) {
            refuse(name, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /** The first and last bytes of an entry and its size, read through to the end so every limit is checked. */
    private record Sample(byte[] head, byte[] tail, long size) {
    }

    private static Sample sample(SafeZip zip, SafeZip.Entry e) {
        try (InputStream in = zip.open(e)) {
            byte[] head = in.readNBytes(ContentSniffer.HEAD);
            byte[] ring = new byte[ContentSniffer.TAIL];
            long size = head.length;
            int filled = Math.min(head.length, ring.length);
            System.arraycopy(head, head.length - filled, ring, 0, filled);
            int pos = filled % ring.length;
            boolean wrapped = false;
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                for (int i = 0; i < n; i++) {
                    ring[pos++] = buf[i];
                    if (pos == ring.length) {
                        pos = 0;
                        wrapped = true;
                    }
                }
            }
            byte[] tail;
            if (!wrapped && size <= ring.length) {
                tail = java.util.Arrays.copyOf(ring, (int) size);
            } else {
                tail = new byte[ring.length];
                System.arraycopy(ring, pos, tail, 0, ring.length - pos);
                System.arraycopy(ring, 0, tail, ring.length - pos, pos);
            }
            return new Sample(head, tail, size);
        } catch (IOException ex) {
            throw new ZipRefusedException(e.name() + ": cannot be read (" + ex.getMessage() + ")");
        }
    }

    private void refuse(String name, String reason) {
        problems.add(new Problem(name, reason));
    }
}
