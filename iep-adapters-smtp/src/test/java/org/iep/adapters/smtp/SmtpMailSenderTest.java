package org.iep.adapters.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.iep.api.Secret;
import org.iep.api.spi.MailMessage;
import org.iep.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpMailSenderTest {
    private GreenMail server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private GreenMail start(String protocol) {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol));
        server.start();
        return server;
    }

    private static SmtpConfig config(int port, SmtpSecurity security, String user, String password) {
        return new SmtpConfig("127.0.0.1", port, security, user, Secret.of(password), "imaging@stee.example.org",
                "St Elsewhere Imaging", Duration.ofSeconds(5), security == SmtpSecurity.NONE ? "" : "127.0.0.1");
    }

    private static MailMessage message(String id) {
        return new MailMessage(id, "patricia@example.org", "Images from St Elsewhere Hospital",
                "Your images are ready: https://iep.example.org/a/abc", "<p>Your images are <b>ready</b></p>", "en");
    }

    @Test
    void sendsMultipartAlternativeInUtf8WithAStableMessageId() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);
        SmtpMailSender sender = new SmtpMailSender(config(mail.getSmtp().getPort(), SmtpSecurity.NONE, "", ""),
                Clock.systemUTC());

        sender.send(new MailMessage("outbox:job/42", "björn@example.org", "Bilder från sjukhuset",
                "Hej Björn", "<p>Hej Björn</p>", "sv"));

        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Bilder från sjukhuset");
        assertThat(received.getMessageID()).isEqualTo("<outbox-job-42@iep>");
        assertThat(received.getHeader("Content-Language")[0]).isEqualTo("sv");
        assertThat(received.getFrom()[0].toString()).contains("imaging@stee.example.org").contains("St Elsewhere");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hej Björn");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    }

    @Test
    void smtpsWithAuthentication() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTPS);
        mail.setUser("imaging@stee.example.org", "iep-relay", "s3cret");
        SmtpMailSender sender = new SmtpMailSender(config(mail.getSmtps().getPort(), SmtpSecurity.SMTPS,
                "iep-relay", "s3cret"), Clock.systemUTC());

        sender.send(message("a1"));

        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withStarttlsRequiredARelayWithoutItGetsNothingInClear() {
        // GreenMail's SMTP offers no STARTTLS: the sender must refuse to fall back to plain text
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);
        SmtpMailSender sender = new SmtpMailSender(config(mail.getSmtp().getPort(), SmtpSecurity.STARTTLS, "", ""),
                Clock.systemUTC());

        assertThatThrownBy(() -> sender.send(message("tls1"))).isInstanceOfSatisfying(SmtpException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void wrongCredentialsAreReportedAndStayQueued() {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTPS);
        mail.setUser("imaging@stee.example.org", "iep-relay", "s3cret");
        SmtpMailSender sender = new SmtpMailSender(config(mail.getSmtps().getPort(), SmtpSecurity.SMTPS,
                "iep-relay", "wrong"), Clock.systemUTC());

        assertThatThrownBy(() -> sender.send(message("a2"))).isInstanceOfSatisfying(SmtpException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(SmtpErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).doesNotContain("wrong");
        });
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsARetryableFailure() throws IOException {
        SmtpMailSender sender = new SmtpMailSender(config(FreePorts.next(), SmtpSecurity.NONE, "", ""), Clock.systemUTC());

        assertThatThrownBy(() -> sender.send(message("a3"))).isInstanceOfSatisfying(SmtpException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(SmtpErrorCode.SERVER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).doesNotContain("patricia");
        });
    }

    @Test
    void aMalformedRecipientIsPermanent() throws IOException {
        SmtpMailSender sender = new SmtpMailSender(config(FreePorts.next(), SmtpSecurity.NONE, "", ""), Clock.systemUTC());

        assertThatThrownBy(() -> sender.send(new MailMessage("a4", "not an address", "s", "t", "h", "en")))
                .isInstanceOfSatisfying(SmtpException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SmtpErrorCode.MESSAGE_REJECTED);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void configurationProblemsAreReportedTogetherAndThePasswordNeverPrinted() {
        assertThatThrownBy(() -> SmtpConfig.from(Map.of("iep.smtp.port", "x", "iep.smtp.security", "SSL",
                "iep.smtp.user", "u", "iep.smtp.timeout", "soon")))
                .isInstanceOfSatisfying(InvalidSmtpConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("iep.smtp.host", "iep.smtp.port", "iep.smtp.security",
                                "iep.smtp.password", "iep.smtp.from", "iep.smtp.timeout"));
        SmtpConfig ok = SmtpConfig.from(Map.of("iep.smtp.host", "relay.nhs.net", "iep.smtp.user", "u",
                "iep.smtp.password", "hunter2", "iep.smtp.from", "imaging@stee.nhs.uk"));
        assertThat(ok.port()).isEqualTo(587);
        assertThat(ok.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(ok.toString()).doesNotContain("hunter2");
    }
}
