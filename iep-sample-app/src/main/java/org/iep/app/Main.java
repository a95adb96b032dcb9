package org.iep.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import org.iep.api.Problem;
import org.iep.app.config.AppConfig;
import org.iep.app.config.InvalidAppConfigException;
import org.iep.app.config.Settings;
import org.iep.app.rest.ApiClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar iep-sample-app.jar [--config FILE]}: starts the portal on the embedded defaults, overridden by
 * the file, {@code IEP_*} environment variables and {@code -Diep.*} properties. Exit status 2 for an invalid
 * configuration (every problem printed), 1 when the portal cannot start.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = null;
        if (args.length == 3 && args[0].equals("--new-api-key")) {
            // printed once to the operator's terminal (not a log); only the hash line goes into the clients file
            ApiClients.NewKey key = ApiClients.newKey(args[1], args[2], new SecureRandom());
            System.out.println("API key (give it to the client; it is not stored): " + key.key());
            System.out.println("Add this line to the API clients file (iep.api.clientsFile): " + key.fileLine());
            return;
        }
        if (args.length == 2 && args[0].equals("--config")) {
            file = Path.of(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: java -jar iep-sample-app.jar [--config FILE]\n"
                    + "       java -jar iep-sample-app.jar --new-api-key CLIENT USER_EMAIL");
            System.exit(2);
        }
        AppConfig config;
        try {
            Settings settings = Settings.load(file, System.getenv(), System.getProperties(), AppConfig.KEYS);
            LOG.info("Settings (secrets redacted): {}", settings.redacted());
            config = AppConfig.from(settings);
        } catch (InvalidAppConfigException e) {
            System.err.println("The configuration is invalid (" + e.problems().size() + " problems):");
            for (Problem p : e.problems()) {
                System.err.println("  " + p.field() + " (env " + Settings.envName(p.field()) + "): " + p.message());
            }
            System.exit(2);
            return;
        }
        IepApplication app;
        try {
            app = IepApplication.start(config);
        } catch (Exception e) {
            LOG.error("The portal could not start", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                LOG.error("Error while stopping the portal", e);
            } finally {
                stopped.countDown();
            }
        }, "iep-shutdown"));
        stopped.await();
    }
}
