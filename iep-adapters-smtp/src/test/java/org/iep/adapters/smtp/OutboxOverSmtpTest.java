package org.iep.adapters.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.iep.api.Secret;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Outbox;
import org.iep.core.notify.OutboxRun;
import org.iep.core.notify.OutboxWorker;
import org.iep.core.notify.RetryPolicy;
import org.iep.core.notify.Templates;
import org.iep.core.secret.Sealer;
import org.iep.testkit.FreePorts;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.RecordingSmsSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core's outbox sending through this adapter to GreenMail: every notification kind in UK English and Swedish,
 * queued while the server is down and delivered exactly once when it is back.
 */
class OutboxOverSmtpTest {
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private final TestClock clock = TestClock.create();
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final Sealer sealer = new Sealer(new FixedKeyProvider("outbox-over-smtp"), new SecureRandom());
    private GreenMail server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyKindInBothLanguagesIsQueuedWhileTheServerIsDownAndDeliveredOnceWhenItIsBack()
            throws IOException, MessagingException {
        int port = FreePorts.next();
        SmtpMailSender sender = new SmtpMailSender(new SmtpConfig("127.0.0.1", port, SmtpSecurity.NONE, "",
                Secret.of(""), "imaging@stee.example.org", "St Elsewhere Imaging", Duration.ofSeconds(30), ""), clock);
        OutboxWorker worker = new OutboxWorker(queue, sealer, new Templates(), sender, new RecordingSmsSender(),
                RetryPolicy.DEFAULT);
        Outbox outbox = new Outbox(queue, sealer, clock);
        List<String> expected = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (Locale language : new Locale[] {Locale.UK, SWEDISH}) {
                String key = kind + "-" + language.getLanguage();
                outbox.notify(Notification.now(key, kind, Addressee.email("patricia@example.org", language), values()));
                expected.add(key);
            }
        }

        OutboxRun down = worker.runOnce(clock.instant());
        assertThat(down.retried()).isEqualTo(expected.size());
        assertThat(down.sent()).isZero();

        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        clock.advance(Duration.ofMinutes(2));
        OutboxRun back = worker.runOnce(clock.instant());
        clock.advance(Duration.ofHours(2));
        OutboxRun after = worker.runOnce(clock.instant());

        assertThat(back.sent()).isEqualTo(expected.size());
        assertThat(after.total()).isZero();
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(expected.size());
        Map<String, Long> perId = new HashMap<>();
        for (MimeMessage m : received) {
            perId.merge(m.getMessageID(), 1L, Long::sum);
            assertThat(m.getSubject()).isNotBlank().doesNotContain("Patricia").doesNotContain("P*** J***")
                    .doesNotContain("123456").doesNotContain("TOKEN");
        }
        assertThat(perId.values()).containsOnly(1L);
        Map<String, Long> languages = java.util.Arrays.stream(received).collect(Collectors.groupingBy(m -> {
            try {
                return m.getHeader("Content-Language")[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, Collectors.counting()));
        assertThat(languages).containsEntry("en-GB", (long) NotificationKind.values().length)
                .containsEntry("sv", (long) NotificationKind.values().length);
    }

    /** Every value any template uses. */
    private static Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        v.put("recipientName", "Patricia Jones");
        v.put("institution", "St Elsewhere Hospital");
        v.put("tracking", "STEE0000001");
        v.put("forwardTracking", "STEE0000002");
        v.put("patient", "P*** J***");
        v.put("expires", "16/03/2026 09:00");
        v.put("viewUntil", "13/03/2026 09:00");
        v.put("until", "02/03/2026 10:00");
        v.put("contactEmail", "imaging@stee.example.org");
        v.put("contactPhone", "+441632960001");
        v.put("reason", "Not my images");
        v.put("forwardee", "gp***@ex*****rg");
        v.put("recipient", "pa***@ex*****rg");
        v.put("minutes", "10");
        v.put("type", "TRANSFER");
        v.put("priority", "NORMAL");
        v.put("secret.link", "https://iep.example.org/a/TOKEN");
        v.put("secret.passcode", "123456");
        return v;
    }
}
