package org.iep.dicom.net.dimse;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Supplier;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.io.DicomWriter;

/**
 * A {@link StoreHandler} writing each instance as a Part 10 file under a directory: zeroed preamble, fresh file
 * meta (transfer syntax, SOP class and instance, Source AE Title, our implementation), then the data set bytes
 * exactly as received. Files are written as {@code NAME.part} and renamed on commit; a discarded instance leaves
 * nothing. Names come from the injected generator (random UUIDs by default), never from a UID.
 */
public final class Part10FileStore implements StoreHandler {

    private final Path dir;
    private final Supplier<String> names;
    private final DicomWriter writer = new DicomWriter();

    public Part10FileStore(Path dir, Supplier<String> names) {
        this.dir = dir;
        this.names = names;
    }

    public Part10FileStore(Path dir) {
        this(dir, () -> UUID.randomUUID().toString());
    }

    @Override
    public Sink open(StoreRequest rq) throws IOException {
        String name = names.get();
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            throw new IOException("generated file name is not a plain name");
        }
        Path target = dir.resolve(name + ".dcm");
        Path part = dir.resolve(name + ".dcm.part");
        Attributes meta = new Attributes();
        meta.setString(Tags.MediaStorageSOPClassUID, VR.UI, rq.sopClassUid());
        meta.setString(Tags.MediaStorageSOPInstanceUID, VR.UI, rq.sopInstanceUid());
        if (!rq.callingAe().isEmpty()) {
            meta.setString(Tags.SourceApplicationEntityTitle, VR.AE, rq.callingAe());
        }
        // the header that DicomWriter writes before any data set element
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        writer.write(h, meta, new Attributes(), rq.transferSyntax());
        int headerSize = (int) writer.headerSize(meta, new Attributes(), rq.transferSyntax());
        byte[] header = java.util.Arrays.copyOf(h.toByteArray(), headerSize);
        return new Sink() {
            private OutputStream out;

            @Override
            public void receive(InputStream dataSet) throws IOException {
                out = new BufferedOutputStream(Files.newOutputStream(part), 65536);
                out.write(header);
                dataSet.transferTo(out);
            }

            @Override
            public int commit() throws IOException {
                out.close();
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                return Status.SUCCESS;
            }

            @Override
            public void discard() {
                try {
                    if (out != null) {
                        out.close();
                    }
                } catch (IOException e) {
                    // the file is deleted next
                }
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // left as .part: never mistaken for a complete instance
                }
            }
        };
    }
}
