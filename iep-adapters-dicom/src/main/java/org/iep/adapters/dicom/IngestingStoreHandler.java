package org.iep.adapters.dicom;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.IepException;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.direct.DirectRouting;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.IngestSource;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.io.DicomWriter;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StoreHandler;
import org.iep.dicom.net.dimse.StoreRequest;
import org.iep.dicom.net.dimse.Uids;

/**
 * Feeds each received instance to the core's {@link Ingest} as it arrives: a fresh file meta is put in front of the
 * data set stream, so the instance is never held in memory, and ingest keeps it whole or not at all. The core's
 * refusals become DICOM failure statuses here, once.
 */
final class IngestingStoreHandler implements StoreHandler {
    /** PS3.7 C.4.2.1.4: Refused, not authorized — the called AE title routes nowhere for this sender. */
    static final int NOT_AUTHORIZED = 0x0124;

    private final Ingest ingest;
    private final InboundRoutes routes;
    private final Optional<DirectRouting> direct;
    private final PeerCheck peers;
    private final Auditor auditor;
    private final FedTransactions fed;

    IngestingStoreHandler(Ingest ingest, InboundRoutes routes, Optional<DirectRouting> direct, PeerCheck peers,
                          Auditor auditor, FedTransactions fed) {
        this.fed = fed;
        this.ingest = ingest;
        this.routes = routes;
        this.direct = direct;
        this.peers = peers;
        this.auditor = auditor;
    }

    @Override
    public Sink open(StoreRequest rq) {
        String ip = ip(rq.remoteAddress());
        Optional<Node> sender = peers.find(rq.callingAe(), ip);
        Optional<IngestSink.Destination> target = sender.flatMap(s -> routes.transactionFor(rq.calledAe(), s)
                .<IngestSink.Destination>map(id -> (in, src) -> fed(s, ingest.ingest(id, in, src))))
                .or(() -> sender.filter(s -> direct.map(d -> d.isRoute(rq.calledAe())).orElse(false))
                        .map(s -> (in, src) -> fed(s, direct.get().receive(rq.calledAe(), s, in, src))));
        if (target.isEmpty()) {
            auditor.record(PeerCheck.LISTENER, "dicom.store", Outcome.DENIED, new ClientInfo(ip), "called AE '"
                    + Uids.printable(rq.calledAe()) + "' routes nowhere for '" + Uids.printable(rq.callingAe()) + "'");
            return refusing(NOT_AUTHORIZED);
        }
        IngestSource source = new IngestSource(PeerCheck.LISTENER, new ClientInfo(ip), rq.callingAe());
        return new IngestSink(target.get(), fileMeta(rq), source, true);
    }

    /** Remembers where a node's instance went: what that node may later ask us to commit. */
    private void fed(Node sender, IngestResult result) {
        fed.record(sender.id(), result.instance().transaction());
    }

    /** Translation of the core's refusals into C-STORE statuses, in one place. */
    static int statusOf(IepException e) {
        if (e instanceof InvalidInputException) {
            return Status.CANNOT_UNDERSTAND;
        }
        if (e instanceof AccessDeniedException) {
            return NOT_AUTHORIZED;
        }
        if (e instanceof ConflictException || e instanceof NotFoundException) {
            return Status.DATA_SET_DOES_NOT_MATCH;
        }
        return Status.OUT_OF_RESOURCES;
    }

    private static Sink refusing(int status) {
        return new Sink() {
            @Override
            public void receive(InputStream dataSet) {
                // the server drains what is not read
            }

            @Override
            public int commit() {
                return status;
            }

            @Override
            public void discard() {
            }
        };
    }

    static byte[] fileMeta(StoreRequest rq) {
        Attributes meta = new Attributes();
        meta.setString(Tags.MediaStorageSOPClassUID, VR.UI, rq.sopClassUid());
        meta.setString(Tags.MediaStorageSOPInstanceUID, VR.UI, rq.sopInstanceUid());
        if (!rq.callingAe().isEmpty()) {
            meta.setString(Tags.SourceApplicationEntityTitle, VR.AE, rq.callingAe());
        }
        DicomWriter writer = new DicomWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        writer.write(h, meta, new Attributes(), rq.transferSyntax());
        return Arrays.copyOf(h.toByteArray(), (int) writer.headerSize(meta, new Attributes(), rq.transferSyntax()));
    }

    /** "/127.0.0.1:5678" or "host/10.0.0.1:104" as a socket address prints → the IP. */
    static String ip(String remote) {
        String s = remote.substring(remote.indexOf('/') + 1);
        int colon = s.lastIndexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }
}
