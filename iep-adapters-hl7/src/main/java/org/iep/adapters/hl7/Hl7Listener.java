package org.iep.adapters.hl7;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.iep.core.report.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLLP listener. Each connection is served by its own thread, at most {@code maxConnections} at once; the
 * ACK for a message is written only after {@link OruHandler} has returned, i.e. after the report is durably
 * stored. Logs carry the remote address, sizes and outcomes only — never message content.
 *
 * <p>HAPI's own server is not used for the socket side: it leaves a connection open without an answer when a
 * frame holds non-HL7 bytes, and has no frame-size or frame-time limit. HAPI still parses and builds every ACK.
 */
public final class Hl7Listener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hl7Listener.class);
    private static final byte[] END_BLOCK = {MllpFrameReader.END, MllpFrameReader.CR};

    private final Hl7Config config;
    private final Optional<SSLContext> tls;
    private final OruHandler handler;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedConnections = new AtomicInteger();
    private ServerSocket server;
    private ExecutorService workers;
    private Thread acceptor;
    private volatile boolean running;

    /** A listener for plain MLLP, or MLLP over TLS when {@code tls} is given. Call {@link #start()}. */
    public Hl7Listener(Hl7Config config, Optional<SSLContext> tls, Reports reports) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.handler = new OruHandler(reports);
        this.slots = new Semaphore(config.maxConnections());
    }

    /** Opens the port and starts accepting; returns the port (useful with port 0). */
    public synchronized int start() {
        if (running) {
            return server.getLocalPort();
        }
        try {
            ServerSocket s = tls.isPresent() ? tls.get().getServerSocketFactory().createServerSocket()
                    : new ServerSocket();
            if (s instanceof SSLServerSocket ssl) {
                // TLS 1.2 and 1.3 only: older versions are broken and NHS guidance forbids them.
                ssl.setEnabledProtocols(java.util.Arrays.stream(ssl.getSupportedProtocols())
                        .filter(v -> v.equals("TLSv1.2") || v.equals("TLSv1.3")).toArray(String[]::new));
            }
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 50);
            server = s;
        } catch (IOException e) {
            throw new Hl7ListenerException("The HL7 listener could not listen on " + config.bindAddress() + ":"
                    + config.port() + ". Check that the port is free and the TLS material is valid.", e);
        }
        workers = Executors.newFixedThreadPool(config.maxConnections(), r -> {
            Thread t = new Thread(r, "iep-hl7-connection");
            t.setDaemon(true);
            return t;
        });
        running = true;
        acceptor = new Thread(this::acceptLoop, "iep-hl7-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("HL7 listener on {}:{} ({}), at most {} connections", config.bindAddress(),
                server.getLocalPort(), tls.isPresent() ? "TLS" : "plain MLLP", config.maxConnections());
        return server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections closed at once because {@code maxConnections} were busy. */
    public int refusedConnections() {
        return refusedConnections.get();
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("HL7 accept failed: {}", e.getClass().getSimpleName());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refusedConnections.incrementAndGet();
                LOG.warn("HL7 connection from {} closed: {} connections busy", remote(socket),
                        config.maxConnections());
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            workers.execute(() -> {
                try {
                    serve(socket);
                } finally {
                    open.remove(socket);
                    closeQuietly(socket);
                    slots.release();
                }
            });
        }
    }

    private void serve(Socket socket) {
        String remote = remote(socket);
        try {
            socket.setTcpNoDelay(true);
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            MllpFrameReader reader = new MllpFrameReader(socket, in, config);
            while (running) {
                MllpFrameReader.Result r = reader.next();
                if (r instanceof MllpFrameReader.Closed c) {
                    if (c.midFrame()) {
                        LOG.warn("HL7 connection from {} closed inside a frame (no end block); nothing stored",
                                remote);
                    }
                    return;
                }
                if (r instanceof MllpFrameReader.Refused refused) {
                    LOG.warn("HL7 connection from {} closed: {}", remote, refused.reason());
                    return;
                }
                MllpFrameReader.Frame frame = (MllpFrameReader.Frame) r;
                if (frame.discardedPartial()) {
                    LOG.warn("HL7 frame from {} without end block dropped unanswered", remote);
                }
                OruHandler.Answer answer = handler.handle(frame.payload(), remote);
                LOG.info("HL7 message from {} ({} bytes): {}, {} stored, {} already stored", remote,
                        frame.payload().length, answer.code(), answer.stored(), answer.duplicates());
                out.write(MllpFrameReader.START);
                out.write(answer.ack());
                out.write(END_BLOCK);
                out.flush();
            }
        } catch (IOException e) {
            LOG.info("HL7 connection from {} ended: {}", remote, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Closing is the answer a sender gets when even an error ACK cannot be produced; it will resend.
            LOG.error("HL7 message from {} not answered; connection closed", remote, e);
        }
    }

    /** Stops accepting, closes every connection and waits briefly for the workers. Idempotent. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        closeQuietly(server);
        open.forEach(Hl7Listener::closeQuietly);
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("HL7 workers did not stop within 5 s");
            }
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String remote(Socket s) {
        return s.getInetAddress() == null ? "unknown" : s.getInetAddress().getHostAddress();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
