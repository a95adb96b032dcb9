package org.iep.adapters.smtp;

import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.MailSender;

/**
 * {@link MailSender} on Jakarta Mail (Eclipse Angus): one connection per message, STARTTLS (required) or SMTPS
 * with host-name verification, optional authentication, timeouts on connect, read and write. Each message is
 * multipart/alternative (plain text and HTML) in UTF-8 with {@code Content-Language}, and its Message-ID is derived
 * from the outbox's stable message ID, so a retried send is recognisable as the same message. Tries once; the
 * core's outbox retries what {@link SmtpException#retryable()} allows. Thread-safe.
 */
public final class SmtpMailSender implements MailSender {
    private final SmtpConfig config;
    private final Session session;
    private final Clock clock;

    @Inject
    public SmtpMailSender(SmtpConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.session = Session.getInstance(properties(config));
    }

    static Properties properties(SmtpConfig c) {
        String proto = c.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        String ms = Long.toString(c.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", c.host());
        p.put("mail." + proto + ".port", Integer.toString(c.port()));
        p.put("mail." + proto + ".connectiontimeout", ms);
        p.put("mail." + proto + ".timeout", ms);
        p.put("mail." + proto + ".writetimeout", ms);
        p.put("mail." + proto + ".auth", Boolean.toString(!c.user().isEmpty()));
        p.put("mail." + proto + ".from", c.fromAddress());
        if (c.security() == SmtpSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (c.security() != SmtpSecurity.NONE) {
            p.put("mail." + proto + ".ssl.protocols", "TLSv1.3 TLSv1.2");
            if (c.trustedHosts().isEmpty()) {
                p.put("mail." + proto + ".ssl.checkserveridentity", "true");
            } else {
                // test servers with self-signed certificates only (see SmtpConfig)
                p.put("mail." + proto + ".ssl.trust", c.trustedHosts());
                p.put("mail." + proto + ".ssl.checkserveridentity", "false");
            }
        }
        return p;
    }

    @Override
    public void send(MailMessage m) {
        MimeMessage message;
        try {
            message = compose(m);
        } catch (AddressException e) {
            throw new SmtpException(SmtpErrorCode.MESSAGE_REJECTED, "The recipient's address is malformed; the"
                    + " message cannot be sent.", false, e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new SmtpException(SmtpErrorCode.MESSAGE_REJECTED, "The message could not be composed.", false, e);
        }
        try (Transport transport = session.getTransport()) {
            transport.connect(config.host(), config.port(), config.user().isEmpty() ? null : config.user(),
                    config.user().isEmpty() ? null : config.password().reveal());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            // every message fails alike until the operator fixes the credentials: keep them queued meanwhile
            throw new SmtpException(SmtpErrorCode.AUTHENTICATION_FAILED, "The mail server at " + config.host()
                    + " refused IEP's credentials.", true, e);
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    private MimeMessage compose(MailMessage m) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableIdMessage(session, "<" + localPart(m.messageId()) + "@iep>");
        message.setFrom(new InternetAddress(config.fromAddress(), config.fromName(), "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", m.language());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.textBody(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** 5xx replies are permanent (the message or recipient is refused); anything else may heal. */
    private SmtpException classify(MessagingException e) {
        int reply = -1;
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                reply = a.getReturnCode();
                break;
            }
            if (x instanceof SMTPSendFailedException s) {
                reply = s.getReturnCode();
                break;
            }
        }
        if (reply >= 500 && reply < 600) {
            return new SmtpException(SmtpErrorCode.MESSAGE_REJECTED, "The mail server refused the message"
                    + " permanently (SMTP " + reply + ").", false, e);
        }
        if (e instanceof SendFailedException && reply < 0) {
            return new SmtpException(SmtpErrorCode.MESSAGE_REJECTED, "The mail server accepted no recipient of the"
                    + " message.", false, e);
        }
        return new SmtpException(SmtpErrorCode.SERVER_UNAVAILABLE, "The mail server at " + config.host() + ":"
                + config.port() + " could not take the message" + (reply > 0 ? " (SMTP " + reply + ")" : "")
                + "; it will be retried.", true, e);
    }

    /** Message IDs come from the outbox's job IDs; keep them to the characters an addr-spec allows. */
    static String localPart(String messageId) {
        return messageId.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** Keeps the Message-ID we chose; Jakarta Mail would otherwise replace it on every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
