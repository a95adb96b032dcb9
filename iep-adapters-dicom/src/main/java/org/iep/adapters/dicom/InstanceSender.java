package org.iep.adapters.dicom;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.iep.api.directory.Node;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.StoredInstance;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.dimse.CommandSet;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.pdu.PresentationContext;

/**
 * C-STORE of stored Part 10 blobs on one association, streamed from the {@link BlobStore}: the file meta is
 * skipped and the data set goes out as it is stored, so nothing is re-encoded or held whole in memory.
 */
final class InstanceSender {
    /** Outcome of one C-STORE. */
    enum Result { COMPLETED, WARNING, FAILED }

    private final Association association;
    private final BlobStore blobs;
    private int nextMessageId = 1;

    InstanceSender(Association association, BlobStore blobs) {
        this.association = association;
        this.blobs = blobs;
    }

    Result send(StoredInstance i) throws IOException {
        PresentationContext pc = association.context(i.sopClassUid(), java.util.List.of(i.transferSyntaxUid()));
        if (pc == null || !pc.transferSyntax().equals(i.transferSyntaxUid())) {
            return Result.FAILED; // the node does not take this SOP class in this transfer syntax
        }
        int id = nextMessageId++;
        association.sendCommand(pc.id(), CommandSet.of(CommandSet.C_STORE_RQ, id, true)
                .setString(CommandSet.AFFECTED_SOP_CLASS, i.sopClassUid()).setUs(CommandSet.PRIORITY, 0)
                .setString(CommandSet.AFFECTED_SOP_INSTANCE, i.sopInstanceUid()).encode());
        try (InputStream in = new BufferedInputStream(blobs.open(i.blob(), ByteRange.ALL), 65536);
                OutputStream out = association.dataOutput(pc.id())) {
            skipFileMeta(in, i);
            long sent = in.transferTo(out);
            if ((sent & 1) == 1) {
                out.write(0); // PS3.5 A.5: a deflated data set is padded to even length on the wire
            }
        } catch (IOException | RuntimeException e) {
            association.abort(); // the peer must not keep a partial instance
            throw e;
        }
        Association.Incoming rsp = association.readCommand();
        if (rsp == null) {
            throw new IOException("the node released the association before answering a C-STORE");
        }
        CommandSet c = CommandSet.decode(rsp.command());
        if (c.commandField() != CommandSet.C_STORE_RSP || c.us(CommandSet.MESSAGE_ID_RESPONDED) != id) {
            association.abort();
            throw new IOException("the node answered a C-STORE with an unexpected command");
        }
        int status = c.status();
        if (status == Status.SUCCESS) {
            return Result.COMPLETED;
        }
        return (status & 0xF000) == 0xB000 ? Result.WARNING : Result.FAILED;
    }

    /** Preamble, "DICM", then the meta group whose (0002,0000) group length says where the data set starts. */
    private static void skipFileMeta(InputStream in, StoredInstance i) throws IOException {
        byte[] h = in.readNBytes(144);
        if (h.length < 144 || h[128] != 'D' || h[129] != 'I' || h[130] != 'C' || h[131] != 'M'
                || h[132] != 2 || h[133] != 0 || h[134] != 0 || h[135] != 0) {
            throw new IOException("blob " + i.blob() + " is not a Part 10 file with a meta group length");
        }
        long len = (h[140] & 0xFFL) | ((h[141] & 0xFFL) << 8) | ((h[142] & 0xFFL) << 16) | ((h[143] & 0xFFL) << 24);
        in.skipNBytes(len);
    }
}
