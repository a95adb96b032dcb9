package org.iep.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ports for peers a test starts (dcmtk, Orthanc, PostgreSQL, an SMTP server): free now, never handed out twice in
 * one JVM (two calls in a row may otherwise get the same port from the kernel, and a peer given it twice, say for
 * DICOM and HTTP, fails to start), and not held by connections in TIME_WAIT, which a peer binding without
 * SO_REUSEADDR could not take. Thread-safe.
 */
public final class FreePorts {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now; bind it soon, as another process may take it meanwhile. */
    public static int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false); // so the kernel skips ports still in TIME_WAIT
                s.bind(new InetSocketAddress(0));
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port that this JVM had not handed out before");
    }

    /**
     * Waits until something accepts connections on 127.0.0.1:{@code port} — a peer the test started — for up to 30 s,
     * which a peer starting on a loaded machine may need.
     */
    public static void awaitListening(int port) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after 30 s");
    }
}
