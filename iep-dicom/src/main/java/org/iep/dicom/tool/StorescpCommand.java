package org.iep.dicom.tool;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.iep.dicom.DicomException;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.NetListener;
import org.iep.dicom.net.dimse.Part10FileStore;
import org.iep.dicom.net.dimse.ServerConfig;

/**
 * {@code storescp --aet A --port P --dir DIR [--bind ADDR] [--stop-after N]}: a storage SCP writing each
 * received instance as a Part 10 file under DIR with a generated name. Runs until killed, or until N instances
 * were stored.
 */
public final class StorescpCommand implements Command {

    @Override
    public String name() {
        return "storescp";
    }

    @Override
    public String synopsis() {
        return "--aet A --port P --dir DIR [--bind ADDR] [--stop-after N]";
    }

    @Override
    public String summary() {
        return "receive DICOM instances with C-STORE into a directory";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        EchoscuCommand.NetArgs a = EchoscuCommand.NetArgs.parse(args, Set.of("--dir", "--bind", "--stop-after"), err);
        if (a == null || a.port < 0 || a.one("--dir", null) == null || !a.files.isEmpty()) {
            err.println("usage: storescp " + synopsis());
            return USAGE;
        }
        Path dir = Path.of(a.one("--dir", null));
        if (!Files.isDirectory(dir)) {
            err.println("storescp: not a directory: " + dir);
            return USAGE;
        }
        long stopAfter;
        try {
            stopAfter = Long.parseLong(a.one("--stop-after", "-1"));
        } catch (NumberFormatException e) {
            err.println("bad --stop-after value");
            return USAGE;
        }
        CountDownLatch done = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong();
        NetListener listener = new NetListener() {
            @Override
            public void stored(String callingAe, String remote, String sopClass) {
                if (stored.incrementAndGet() == stopAfter) {
                    done.countDown();
                }
            }

            @Override
            public void refused(String callingAe, String remote, int status, String reason) {
                err.println("storescp: refused an instance from " + callingAe + " (" + remote + "): " + reason);
            }
        };
        ServerConfig config = ServerConfig.storage(a.aet, new Part10FileStore(dir)).withListener(listener);
        try (DicomServer server = DicomServer.start(config, InetAddress.getByName(a.one("--bind", "0.0.0.0")),
                a.port)) {
            out.println("storescp " + a.aet + " listening on port " + server.port() + ", writing to " + dir);
            out.flush();
            done.await();
            // let the last C-STORE-RSP and the release go out before closing
            while (server.activeAssociations() > 0) {
                Thread.sleep(20);
            }
            out.println("storescp: " + stored.get() + " instance(s) stored");
            return OK;
        } catch (DicomException | java.net.UnknownHostException e) {
            err.println("storescp: " + e.getMessage());
            return INVALID_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }
}
