package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.net.Association;
import org.iep.dicom.net.pdu.Pdu;
import org.iep.dicom.net.pdu.PresentationContext;
import org.iep.dicom.net.pdu.RoleSelection;
import org.iep.dicom.net.pdu.UserInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM SCP: accepts associations (TCP or TLS), negotiates per presentation context (storage SOP classes in
 * every offered transfer syntax, the first proposed winning; verification and query in the uncompressed
 * syntaxes), and serves C-ECHO, C-STORE (streamed to the {@link StoreHandler}), C-FIND, C-MOVE and C-GET (with
 * their C-STORE sub-operations; storage contexts are accepted for C-GET when a {@link GetHandler} is set, the
 * requester taking the SCP role it selected), and storage commitment (N-ACTION answered and reported, see
 * {@link CommitmentScp}; N-EVENT-REPORTs for our own requests handed to {@link PendingCommitments}). One thread per
 * association, bounded by {@link ServerConfig#maxAssociations()}.
 */
public final class DicomServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);
    private static final List<String> UNCOMPRESSED = List.of(UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
    static final Set<String> FIND_CLASSES = Set.of(DimseClient.PATIENT_ROOT_FIND, DimseClient.STUDY_ROOT_FIND);
    static final Set<String> MOVE_CLASSES = Set.of(DimseClient.PATIENT_ROOT_MOVE, DimseClient.STUDY_ROOT_MOVE);
    static final Set<String> GET_CLASSES = Set.of(DimseClient.PATIENT_ROOT_GET, DimseClient.STUDY_ROOT_GET);

    private final ServerConfig config;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final ScheduledExecutorService reportRetries; // null without a storage commitment SCP
    private final Semaphore slots;
    private final Thread acceptor;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closed;

    private DicomServer(ServerConfig config, ServerSocket server) {
        this.config = config;
        this.server = server;
        this.slots = new Semaphore(config.maxAssociations());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dicom-scp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.reportRetries = config.commitment() == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dicom-scp-commitment-retry-" + server.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "dicom-scp-accept-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds to the address and port (0 for a free port) and starts accepting. */
    public static DicomServer start(ServerConfig config, InetAddress bind, int port) {
        try {
            ServerSocket ss;
            if (config.options().tls() != null) {
                SSLServerSocket s = (SSLServerSocket) config.options().tls().getServerSocketFactory().createServerSocket();
                org.iep.dicom.net.TlsAccess.configure(s, config.options().needClientAuth());
                ss = s;
            } else {
                ss = new ServerSocket();
            }
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(bind, port), 128);
            DicomServer d = new DicomServer(config, ss);
            d.acceptor.start();
            return d;
        } catch (IOException e) {
            throw new DicomNetException(org.iep.dicom.DicomErrorCode.NET_IO, "cannot listen on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Associations being served now. */
    public int activeAssociations() {
        return active.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed: {}", e.getMessage());
                }
                continue;
            }
            boolean slot = slots.tryAcquire();
            try {
                workers.execute(() -> serve(s, slot));
            } catch (RuntimeException e) {
                if (slot) {
                    slots.release();
                }
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket s, boolean slot) {
        active.incrementAndGet();
        String remote = String.valueOf(s.getRemoteSocketAddress());
        try {
            Association a = Association.accept(s, config.options(), rq -> negotiate(rq, s, slot));
            if (a != null) {
                try {
                    dispatch(a);
                } finally {
                    a.close();
                }
            }
        } catch (DicomException e) {
            config.listener().associationFailed(remote, e.getMessage());
            LOG.debug("association from {} ended: {}", remote, e.getMessage());
        } catch (RuntimeException e) {
            config.listener().associationFailed(remote, e.toString());
            LOG.warn("association from {} failed", remote, e);
        } finally {
            closeQuietly(s);
            active.decrementAndGet();
            if (slot) {
                slots.release();
            }
        }
    }

    // ------------------------------------------------------------------ negotiation

    Pdu negotiate(Pdu.AssociateRq rq, Socket s, boolean slot) {
        if (!slot) {
            return new Pdu.AssociateRj(Pdu.AssociateRj.TRANSIENT, Pdu.AssociateRj.SOURCE_PRESENTATION,
                    Pdu.AssociateRj.LOCAL_LIMIT_EXCEEDED);
        }
        if (!Pdu.APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return new Pdu.AssociateRj(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.APP_CONTEXT_NOT_SUPPORTED);
        }
        String ip = s.getInetAddress() == null ? "" : s.getInetAddress().getHostAddress();
        if (!config.calledAllowed().test(rq.calledAe().strip())) {
            config.listener().rejected(Uids.printable(rq.callingAe()), Uids.printable(rq.calledAe()), ip,
                    "called AE title not recognized");
            return new Pdu.AssociateRj(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.CALLED_AE_NOT_RECOGNIZED);
        }
        if (!config.peerAllowed().test(rq.callingAe(), ip)) {
            return new Pdu.AssociateRj(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.CALLING_AE_NOT_RECOGNIZED);
        }
        List<PresentationContext> answers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PresentationContext pc : rq.contexts()) {
            if (!seen.add(pc.id())) {
                continue; // a repeated ID cannot be answered twice; the first one stands
            }
            answers.add(answer(pc));
        }
        List<RoleSelection> roles = new ArrayList<>();
        for (RoleSelection r : rq.userInfo().roles()) {
            // we can act as SCU of storage (C-GET) and take storage commitment reports from a requester acting as
            // SCP; any other role stays the default
            boolean scp = DataSets.isStorage(r.sopClass())
                    || (commitment() && StorageCommitment.SOP_CLASS.equals(r.sopClass()));
            roles.add(new RoleSelection(r.sopClass(), r.scu(), r.scp() && scp));
        }
        UserInformation ui = new UserInformation(config.options().maxPduReceive(), UIDs.IEPImplementationClassUID,
                UIDs.IEPImplementationVersionName, -1, -1, roles, null,
                rq.userInfo().userIdentity() != null && rq.userInfo().userIdentity().positiveResponseRequested()
                        ? new byte[0] : null);
        return new Pdu.AssociateAc(rq.calledAe(), rq.callingAe(), Pdu.APPLICATION_CONTEXT, answers, ui);
    }

    private PresentationContext answer(PresentationContext pc) {
        String as = pc.abstractSyntax();
        boolean queryRetrieve = FIND_CLASSES.contains(as) || MOVE_CLASSES.contains(as) || GET_CLASSES.contains(as);
        boolean storage = (config.store() != null || config.get() != null) && !as.equals(UIDs.Verification)
                && !queryRetrieve && DataSets.isStorage(as);
        boolean supported = storage || as.equals(UIDs.Verification)
                || (commitment() && StorageCommitment.SOP_CLASS.equals(as))
                || (config.find() != null && FIND_CLASSES.contains(as))
                || (config.move() != null && MOVE_CLASSES.contains(as))
                || (config.get() != null && GET_CLASSES.contains(as));
        if (!supported) {
            return PresentationContext.answered(pc.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, null);
        }
        for (String ts : pc.transferSyntaxes()) {
            if (storage ? isKnownOrWellFormed(ts) : UNCOMPRESSED.contains(ts)) {
                return PresentationContext.answered(pc.id(), PresentationContext.ACCEPTANCE, ts);
            }
        }
        return PresentationContext.answered(pc.id(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, null);
    }

    private boolean commitment() {
        return config.commitment() != null || config.commitmentReports() != null;
    }

    /** IEP carries images as they come: any transfer syntax the reader can at least name is stored. */
    private static boolean isKnownOrWellFormed(String ts) {
        try {
            TransferSyntax.of(ts);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ services

    private void dispatch(Association a) {
        while (a.isOpen()) { // a commitment report may end it (the requester released)
            Association.Incoming in = a.readCommand();
            if (in == null) {
                a.answerRelease();
                return;
            }
            CommandSet cmd;
            try {
                cmd = CommandSet.decode(in.command());
            } catch (DicomNetException e) {
                a.abort();
                throw e;
            }
            PresentationContext pc = a.contexts().get(in.contextId());
            int field = cmd.commandField();
            if (field == CommandSet.C_CANCEL_RQ) {
                drainIfData(a, cmd, in.contextId()); // nothing in progress to cancel
                continue;
            }
            int msgId = cmd.us(CommandSet.MESSAGE_ID);
            if (msgId < 0) {
                a.abort();
                throw CommandSet.malformed("request without Message ID (0000,0110)");
            }
            switch (field) {
                case CommandSet.C_ECHO_RQ -> {
                    drainIfData(a, cmd, in.contextId());
                    respond(a, in.contextId(), CommandSet.C_ECHO_RSP, msgId, UIDs.Verification, Status.SUCCESS);
                }
                case CommandSet.C_STORE_RQ -> StoreReceiver.receive(a, in.contextId(), cmd, msgId, config.store(),
                        config.listener());
                case CommandSet.C_FIND_RQ, CommandSet.C_MOVE_RQ, CommandSet.C_GET_RQ -> {
                    if (!serves(field, pc.abstractSyntax())) {
                        // e.g. a C-FIND on a storage context: answered, never given to a handler
                        drainIfData(a, cmd, in.contextId());
                        respond(a, in.contextId(), field | 0x8000, msgId, pc.abstractSyntax(),
                                Status.SOP_CLASS_NOT_SUPPORTED);
                    } else if (field == CommandSet.C_FIND_RQ) {
                        find(a, in.contextId(), pc, cmd, msgId);
                    } else {
                        RetrieveService.serve(a, in.contextId(), cmd, msgId,
                                field == CommandSet.C_MOVE_RQ ? config.move() : config.get(),
                                field == CommandSet.C_MOVE_RQ, config.options());
                    }
                }
                case CommandSet.N_ACTION_RQ, CommandSet.N_EVENT_REPORT_RQ -> {
                    boolean action = field == CommandSet.N_ACTION_RQ;
                    if (!StorageCommitment.SOP_CLASS.equals(pc.abstractSyntax())
                            || (action ? config.commitment() == null : config.commitmentReports() == null)) {
                        drainIfData(a, cmd, in.contextId());
                        respond(a, in.contextId(), field | 0x8000, msgId, pc.abstractSyntax(),
                                Status.SOP_CLASS_NOT_SUPPORTED);
                    } else if (action) {
                        CommitmentService.action(a, in.contextId(), cmd, msgId, config.commitment(),
                                config.listener(), reportRetries);
                    } else {
                        CommitmentService.report(a, in.contextId(), cmd, msgId, config.commitmentReports());
                    }
                }
                default -> {
                    drainIfData(a, cmd, in.contextId());
                    respond(a, in.contextId(), field | 0x8000, msgId, pc.abstractSyntax(),
                            Status.UNRECOGNIZED_OPERATION);
                }
            }
        }
    }

    /** Whether a query/retrieve request fits the context's information model and we have its handler. */
    private boolean serves(int field, String abstractSyntax) {
        return switch (field) {
            case CommandSet.C_FIND_RQ -> config.find() != null && FIND_CLASSES.contains(abstractSyntax);
            case CommandSet.C_MOVE_RQ -> config.move() != null && MOVE_CLASSES.contains(abstractSyntax);
            default -> config.get() != null && GET_CLASSES.contains(abstractSyntax);
        };
    }

    private void find(Association a, int pcId, PresentationContext pc, CommandSet cmd, int msgId) {
        if (!cmd.hasDataSet()) {
            a.abort();
            throw CommandSet.malformed("C-FIND-RQ without an identifier");
        }
        TransferSyntax ts = TransferSyntax.of(pc.transferSyntax());
        Attributes keys;
        try {
            keys = DataSets.read(a.dataInput(pcId), ts);
        } catch (DicomNetException e) {
            throw e;
        } catch (DicomException e) {
            respond(a, pcId, CommandSet.C_FIND_RSP, msgId, pc.abstractSyntax(), Status.CANNOT_UNDERSTAND);
            return;
        }
        Iterator<Attributes> matches = config.find().find(pc.abstractSyntax(), keys);
        while (matches.hasNext()) {
            if (a.inputPending() && cancelled(a, msgId)) {
                respond(a, pcId, CommandSet.C_FIND_RSP, msgId, pc.abstractSyntax(), Status.CANCEL);
                return;
            }
            Attributes m = matches.next();
            CommandSet rsp = CommandSet.of(CommandSet.C_FIND_RSP, msgId, true)
                    .setString(CommandSet.AFFECTED_SOP_CLASS, pc.abstractSyntax()).setUs(CommandSet.STATUS,
                            Status.PENDING);
            a.sendCommand(pcId, rsp.encode());
            try (var o = a.dataOutput(pcId)) {
                o.write(DataSets.encode(m, ts));
            } catch (IOException e) {
                throw new DicomNetException(org.iep.dicom.DicomErrorCode.NET_IO, "sending a match failed", e);
            }
        }
        respond(a, pcId, CommandSet.C_FIND_RSP, msgId, pc.abstractSyntax(), Status.SUCCESS);
    }

    /** Reads the command waiting on the socket: a C-CANCEL for this message stops the operation. */
    private static boolean cancelled(Association a, int msgId) {
        Association.Incoming in = a.readCommand();
        if (in == null) {
            throw new DicomNetException(org.iep.dicom.DicomErrorCode.NET_PDU_UNEXPECTED,
                    "release requested during an operation");
        }
        CommandSet c = CommandSet.decode(in.command());
        if (c.commandField() != CommandSet.C_CANCEL_RQ) {
            a.abort();
            throw CommandSet.malformed("a second request while one is in progress (no asynchronous operations)");
        }
        return c.us(CommandSet.MESSAGE_ID_RESPONDED) == msgId;
    }

    private static void respond(Association a, int pcId, int field, int msgId, String sopClass, int status) {
        a.sendCommand(pcId, CommandSet.of(field, msgId, false).setString(CommandSet.AFFECTED_SOP_CLASS, sopClass)
                .setUs(CommandSet.STATUS, status).encode());
    }

    private static void drainIfData(Association a, CommandSet cmd, int pcId) {
        if (cmd.hasDataSet()) {
            StoreReceiver.drain(a.dataInput(pcId));
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /**
     * Stops accepting, aborts nothing in flight but waits up to 5 s for it to end; storage commitment reports
     * waiting to be tried again are dropped (logged).
     */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the server socket: {}", e.getMessage());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        if (reportRetries != null) {
            int dropped = reportRetries.shutdownNow().size();
            if (dropped > 0) {
                LOG.warn("{} storage commitment report(s) waiting to be tried again were dropped on close", dropped);
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
