package org.iep.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.iep.api.Problem;
import org.iep.app.config.AppConfig;
import org.iep.app.config.InvalidAppConfigException;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.iep.core.wiring.IepCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same portal with a real SMTP relay (GreenMail) by configuration alone. */
class RealGatewaysTest {
    @TempDir
    Path data;
    private GreenMail relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void withAnSmtpRelayConfiguredTheLinkGoesOutByMail() throws Exception {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        AppConfig config = AppConfig.from(Settings.of(Map.of("iep.http.port", "0", "iep.dataDir", data.toString(),
                "iep.mail.mode", "smtp", "iep.smtp.host", "127.0.0.1",
                "iep.smtp.port", Integer.toString(relay.getSmtp().getPort()), "iep.smtp.security", "NONE",
                "iep.smtp.from", "imaging@stee.example.org")));
        assertThat(config.devMailbox()).as("texts still go to the dev mailbox").isTrue();

        try (IepApplication app = IepApplication.start(config)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (relay.getReceivedMessages().length == 0 && Instant.now().isBefore(deadline)) {
                app.injector().getInstance(IepCore.class).outboxWorker().runOnce(Instant.now());
                Thread.sleep(100);
            }
        }
        MimeMessage link = Arrays.stream(relay.getReceivedMessages())
                .filter(m -> recipient(m).equals(DemoData.PATIENT.email())).findFirst().orElseThrow();
        assertThat(link.getContent().toString()).isNotEmpty();
        assertThat(link.getSubject()).doesNotContain("Patricia").doesNotContain("Jones");
        assertThat(data.resolve("api-clients.properties")).as("no demo API key is mailed through a real relay")
                .doesNotExist();
    }

    @Test
    void smtpAndNotifySettingsAreValidatedWithTheRest() {
        assertThatThrownBy(() -> AppConfig.from(Settings.of(Map.of("iep.mail.mode", "smtp", "iep.sms.mode", "notify",
                "iep.http.port", "x"))))
                .isInstanceOfSatisfying(InvalidAppConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).contains("iep.http.port", "iep.smtp.host", "iep.smtp.from",
                                "iep.notify.apiKey", "iep.notify.templateId"));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
