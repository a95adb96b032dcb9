package org.iep.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomNetException;
import org.iep.dicom.net.pdu.Pdu;
import org.iep.dicom.net.pdu.PduCodec;
import org.iep.dicom.net.pdu.Pdv;
import org.iep.dicom.net.pdu.PresentationContext;

/**
 * An established DICOM association (PS3.8), either role. Messages are exchanged one at a time (no asynchronous
 * operations): {@link #sendCommand} then optionally {@link #dataOutput}; {@link #readCommand} then, when the
 * command says a data set follows, {@link #dataInput}, which pulls PDVs from the socket as the caller reads - a
 * data set is never buffered whole. Protocol errors abort the association and surface as
 * {@link DicomNetException}. Not thread-safe: one thread drives an association.
 */
public final class Association implements AutoCloseable {

    /** Commands are small; a larger one is hostile. */
    static final int MAX_COMMAND = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final InputProbe probe;
    private final OutputStream out;
    private final NetOptions options;
    private final Pdu.AssociateRq request;
    private final Pdu.AssociateAc accept;
    private final Map<Integer, PresentationContext> contexts;
    private final int sendPdu;
    private Pdu.PData current;
    private int pdvIndex;
    private boolean releaseRequested;
    private boolean closed;

    private final boolean requestor;

    // ------------------------------------------------------------------ establishment

    /** Opens a TCP (or TLS) connection and negotiates; throws NET_REJECTED, NET_TIMEOUT, NET_IO... */
    public static Association connect(String host, int port, Pdu.AssociateRq rq, NetOptions options) {
        Socket s = null;
        try {
            s = options.tls() == null ? new Socket() : options.tls().getSocketFactory().createSocket();
            if (s instanceof SSLSocket ssl) {
                Tls.configure(ssl);
            }
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), options.connectMillis());
            s.setSoTimeout(options.artimMillis());
            if (s instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
            InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65536);
            out.write(PduCodec.encode(rq));
            out.flush();
            Pdu answer = PduCodec.read(in, options.maxPduReceive());
            if (answer instanceof Pdu.AssociateAc ac) {
                s.setSoTimeout(options.idleMillis());
                Association a = new Association(s, in, out, options, rq, ac, true);
                return a;
            }
            closeQuietly(s);
            if (answer instanceof Pdu.AssociateRj rj) {
                throw new DicomNetException(DicomErrorCode.NET_REJECTED, "association rejected by "
                        + host + ":" + port + ": " + rj.describe());
            }
            if (answer == null || answer instanceof Pdu.Abort) {
                throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the peer aborted or closed the connection"
                        + " during association negotiation");
            }
            throw new DicomNetException(DicomErrorCode.NET_PDU_UNEXPECTED, "unexpected PDU during negotiation");
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new DicomNetException(DicomErrorCode.NET_TIMEOUT, "no answer to A-ASSOCIATE-RQ from " + host + ":"
                    + port + " within " + options.artimMillis() + " ms (ARTIM)", e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new DicomNetException(DicomErrorCode.NET_IO, "cannot associate with " + host + ":" + port + ": "
                    + e.getMessage(), e);
        } catch (DicomNetException e) {
            closeQuietly(s);
            throw e;
        }
    }

    Association(Socket socket, InputStream in, OutputStream out, NetOptions options, Pdu.AssociateRq request,
            Pdu.AssociateAc accept, boolean requestor) {
        this(socket, in, out, options, request, accept, requestor ? 1 : 0);
    }

    private Association(Socket socket, InputStream in, OutputStream out, NetOptions options, Pdu.AssociateRq request,
            Pdu.AssociateAc accept, int requestorFlag) {
        this.socket = socket;
        this.in = in;
        this.probe = new InputProbe(socket, in);
        this.out = out;
        this.options = options;
        this.request = request;
        this.accept = accept;
        this.requestor = requestorFlag == 1;
        Map<Integer, PresentationContext> m = new LinkedHashMap<>();
        for (PresentationContext ac : accept.contexts()) {
            if (!ac.accepted()) {
                continue;
            }
            for (PresentationContext rq : request.contexts()) {
                if (rq.id() == ac.id()) {
                    m.put(ac.id(), new PresentationContext(ac.id(), rq.abstractSyntax(), ac.transferSyntaxes(), 0));
                }
            }
        }
        this.contexts = Collections.unmodifiableMap(m);
        long peerMax = requestor ? accept.userInfo().maxPduLength() : request.userInfo().maxPduLength();
        this.sendPdu = (int) (peerMax == 0 ? options.maxPduSend() : Math.min(peerMax, options.maxPduSend()));
    }

    /**
     * Acceptor side: reads the A-ASSOCIATE-RQ within the ARTIM timeout, lets {@code negotiator} answer with an
     * A-ASSOCIATE-AC or -RJ, sends it, and returns the association (null when rejected; the socket is then
     * closed). A malformed request is answered with A-ABORT and thrown.
     */
    public static Association accept(Socket s, NetOptions options,
            java.util.function.Function<Pdu.AssociateRq, Pdu> negotiator) {
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(options.artimMillis());
            InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65536);
            Pdu first;
            try {
                first = PduCodec.read(in, options.maxPduReceive());
            } catch (DicomNetException e) {
                sendAndClose(s, out, new Pdu.Abort(Pdu.Abort.SOURCE_PROVIDER, PduCodec.abortReason(e)));
                throw e;
            }
            if (first == null) {
                closeQuietly(s);
                throw new DicomNetException(DicomErrorCode.NET_ABORTED, "connection closed before A-ASSOCIATE-RQ");
            }
            if (!(first instanceof Pdu.AssociateRq rq)) {
                sendAndClose(s, out, new Pdu.Abort(Pdu.Abort.SOURCE_PROVIDER, Pdu.Abort.UNEXPECTED_PDU));
                throw new DicomNetException(DicomErrorCode.NET_PDU_UNEXPECTED, "first PDU is not A-ASSOCIATE-RQ");
            }
            Pdu answer = negotiator.apply(rq);
            if (answer instanceof Pdu.AssociateAc ac) {
                out.write(PduCodec.encode(ac));
                out.flush();
                s.setSoTimeout(options.idleMillis());
                return new Association(s, in, out, options, rq, ac, false);
            }
            sendAndClose(s, out, answer);
            return null;
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new DicomNetException(DicomErrorCode.NET_TIMEOUT, "no A-ASSOCIATE-RQ within " + options.artimMillis()
                    + " ms (ARTIM)", e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new DicomNetException(DicomErrorCode.NET_IO, "association request failed: " + e.getMessage(), e);
        }
    }

    private static void sendAndClose(Socket s, OutputStream out, Pdu pdu) {
        try {
            out.write(PduCodec.encode(pdu));
            out.flush();
        } catch (IOException e) {
            // the peer may already be gone
        } finally {
            closeQuietly(s);
        }
    }

    // ------------------------------------------------------------------ accessors

    public Pdu.AssociateRq request() {
        return request;
    }

    public Pdu.AssociateAc acceptance() {
        return accept;
    }

    public String callingAe() {
        return request.callingAe();
    }

    public String calledAe() {
        return request.calledAe();
    }

    /** Accepted presentation contexts by ID, each with its abstract syntax and the one chosen transfer syntax. */
    public Map<Integer, PresentationContext> contexts() {
        return contexts;
    }

    /** The remote address, for audit. */
    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** The accepted context for an abstract syntax, preferring the given transfer syntaxes in order; or null. */
    public PresentationContext context(String abstractSyntax, List<String> preferred) {
        PresentationContext any = null;
        for (String ts : preferred) {
            for (PresentationContext pc : contexts.values()) {
                if (pc.abstractSyntax().equals(abstractSyntax) && ts.equals(pc.transferSyntax())) {
                    return pc;
                }
            }
        }
        for (PresentationContext pc : contexts.values()) {
            if (pc.abstractSyntax().equals(abstractSyntax)) {
                any = any == null ? pc : any;
            }
        }
        return preferred.isEmpty() ? any : null;
    }

    /** The PDU length we fragment to. */
    public int sendPduLength() {
        return sendPdu;
    }

    // ------------------------------------------------------------------ sending

    /** Sends a complete command set (already encoded) on a presentation context. */
    public void sendCommand(int contextId, byte[] command) {
        try (OutputStream o = stream(contextId, true)) {
            o.write(command);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /**
     * An output stream for a data set on a presentation context; closing it sends the last fragment. The data is
     * fragmented into PDUs no longer than the peer's maximum.
     */
    public OutputStream dataOutput(int contextId) {
        return stream(contextId, false);
    }

    private OutputStream stream(int contextId, boolean command) {
        return new PDataOutput(out, contextId, command, sendPdu, this::checkOpen);
    }

    // ------------------------------------------------------------------ receiving

    /**
     * Reads the next command: its presentation context ID and encoded command set. Returns null when the peer
     * requested release (call {@link #answerRelease()}).
     */
    public Incoming readCommand() {
        ByteArrayOutputStream cmd = new ByteArrayOutputStream(256);
        int pc = -1;
        while (true) {
            Pdv v = nextPdv();
            if (v == null) {
                if (pc != -1) {
                    throw protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, "release requested inside a command");
                }
                return null;
            }
            if (!v.command()) {
                throw protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, "data set fragment where a command was expected");
            }
            if (pc == -1) {
                pc = v.contextId();
                if (!contexts.containsKey(pc)) {
                    throw protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, "command on presentation context " + pc
                            + " which was not accepted");
                }
            } else if (pc != v.contextId()) {
                throw protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, "command fragments on two presentation contexts");
            }
            if (cmd.size() + v.data().length > MAX_COMMAND) {
                throw protocolError(DicomErrorCode.NET_PDU_MALFORMED, "command set longer than " + MAX_COMMAND + " bytes");
            }
            cmd.write(v.data(), 0, v.data().length);
            if (v.last()) {
                return new Incoming(pc, cmd.toByteArray());
            }
        }
    }

    /** A received command. */
    public record Incoming(int contextId, byte[] command) {
    }

    /**
     * The data set following the last command, read fragment by fragment from the socket. It must be read to its
     * end (or the association aborted) before the next {@link #readCommand()}.
     */
    public InputStream dataInput(int contextId) {
        return new PDataInput(contextId, () -> {
            Pdv v = nextPdv();
            if (v == null) {
                throw protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, "release requested inside a data set");
            }
            return v;
        }, what -> protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, what));
    }

    /** True when bytes are waiting (to notice a C-CANCEL); over TLS it waits 1 ms now and then ({@link InputProbe}). */
    public boolean inputPending() {
        return awaitInput(null);
    }

    /** True when bytes are waiting or come within {@code wait} (null: {@link #inputPending()}), or the stream ended. */
    public boolean awaitInput(java.time.Duration wait) {
        try {
            return (current != null && pdvIndex < current.pdvs().size()) || probe.pending()
                    || (wait != null && probe.readAhead((int) Math.min(wait.toMillis(), Integer.MAX_VALUE)));
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** The next PDV, reading a PDU if needed; null when the peer sent A-RELEASE-RQ. */
    private Pdv nextPdv() {
        if (current != null && pdvIndex < current.pdvs().size()) {
            return current.pdvs().get(pdvIndex++);
        }
        Pdu p = readPdu();
        if (p instanceof Pdu.PData d) {
            current = d;
            pdvIndex = 1;
            return d.pdvs().get(0);
        }
        if (p instanceof Pdu.ReleaseRq) {
            releaseRequested = true;
            return null;
        }
        if (p instanceof Pdu.Abort) {
            closeSocket();
            throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the peer aborted the association");
        }
        throw protocolError(DicomErrorCode.NET_PDU_UNEXPECTED, "unexpected PDU in an established association");
    }

    private Pdu readPdu() {
        checkOpen();
        try {
            Pdu p = PduCodec.read(in, options.maxPduReceive());
            if (p == null) {
                closeSocket();
                throw new DicomNetException(DicomErrorCode.NET_ABORTED, "the peer closed the connection");
            }
            return p;
        } catch (SocketTimeoutException e) {
            abort(Pdu.Abort.SOURCE_PROVIDER, Pdu.Abort.NOT_SPECIFIED);
            throw new DicomNetException(DicomErrorCode.NET_TIMEOUT, "the peer was silent for longer than the timeout;"
                    + " association aborted", e);
        } catch (DicomNetException e) {
            if (e.code() != DicomErrorCode.NET_ABORTED) {
                abort(Pdu.Abort.SOURCE_PROVIDER, PduCodec.abortReason(e));
            }
            throw e;
        } catch (IOException e) {
            closeSocket();
            throw new DicomNetException(DicomErrorCode.NET_ABORTED, "connection lost: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ release and abort

    /** Requests release and waits (ARTIM) for A-RELEASE-RP; aborts if the peer does not answer. */
    public void release() {
        if (closed) {
            return;
        }
        try {
            out.write(PduCodec.encode(new Pdu.ReleaseRq()));
            out.flush();
            socket.setSoTimeout(options.artimMillis());
            while (true) {
                Pdu p = PduCodec.read(in, options.maxPduReceive());
                if (p instanceof Pdu.ReleaseRp || p == null || p instanceof Pdu.Abort) {
                    break;
                }
                if (p instanceof Pdu.ReleaseRq) {
                    // release collision (PS3.8 7.2.2): the requestor answers first
                    out.write(PduCodec.encode(new Pdu.ReleaseRp()));
                    out.flush();
                }
                // P-DATA still in flight is discarded: we asked to release
            }
        } catch (SocketTimeoutException e) {
            abort(Pdu.Abort.SOURCE_PROVIDER, Pdu.Abort.NOT_SPECIFIED);
            throw new DicomNetException(DicomErrorCode.NET_TIMEOUT, "no A-RELEASE-RP within the ARTIM timeout", e);
        } catch (IOException e) {
            // the peer closed instead of answering: the association is over either way
        } finally {
            closeSocket();
        }
    }

    /** Whether the peer asked to release (after {@link #readCommand()} returned null). */
    public boolean releaseRequested() {
        return releaseRequested;
    }

    /** Answers the peer's A-RELEASE-RQ and closes. */
    public void answerRelease() {
        try {
            out.write(PduCodec.encode(new Pdu.ReleaseRp()));
            out.flush();
        } catch (IOException e) {
            // the peer may close right after its request
        } finally {
            closeSocket();
        }
    }

    /** Sends A-ABORT (service user) and closes. */
    public void abort() {
        abort(Pdu.Abort.SOURCE_USER, Pdu.Abort.NOT_SPECIFIED);
    }

    void abort(int source, int reason) {
        if (closed) {
            return;
        }
        try {
            out.write(PduCodec.encode(new Pdu.Abort(source, reason)));
            out.flush();
        } catch (IOException e) {
            // best effort: the connection may already be gone
        } finally {
            closeSocket();
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Aborts if still open (use {@link #release()} for an orderly end). */
    @Override
    public void close() {
        if (!closed) {
            abort();
        }
    }

    private DicomNetException protocolError(DicomErrorCode code, String message) {
        DicomNetException e = new DicomNetException(code, message);
        abort(Pdu.Abort.SOURCE_PROVIDER, PduCodec.abortReason(e));
        return e;
    }

    private DicomNetException ioFailure(IOException e) {
        closeSocket();
        return new DicomNetException(DicomErrorCode.NET_ABORTED, "connection lost: " + e.getMessage(), e);
    }

    private void checkOpen() {
        if (closed) {
            throw new DicomNetException(DicomErrorCode.NET_ABORTED, "association closed");
        }
    }

    private void closeSocket() {
        closed = true;
        closeQuietly(socket);
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a failed socket: nothing more to do
            }
        }
    }
}
