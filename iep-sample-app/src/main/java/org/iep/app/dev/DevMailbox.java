package org.iep.app.dev;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.MailSender;
import org.iep.api.spi.SmsMessage;
import org.iep.api.spi.SmsSender;

/**
 * The embedded stand-in for the mail relay and the SMS gateway: keeps the newest {@value #CAPACITY} e-mails and
 * texts in memory for the {@code /dev/mailbox} page, and nothing else. Used only when no real gateway is
 * configured. A message re-sent with the same ID (an outbox retry) replaces the earlier copy. Thread-safe.
 */
public final class DevMailbox implements MailSender, SmsSender {
    static final int CAPACITY = 200;

    /** One delivered message as the page shows it. */
    public record Entry(String id, Instant at, String kind, String to, String subject, String body) {
    }

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public DevMailbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(MailMessage m) {
        add(new Entry(m.messageId(), clock.instant(), "e-mail", m.to(), m.subject(), m.textBody()));
    }

    @Override
    public void send(SmsMessage m) {
        add(new Entry(m.messageId(), clock.instant(), "text", m.to(), "", m.text()));
    }

    /** Newest first. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    private synchronized void add(Entry e) {
        entries.removeIf(old -> old.id().equals(e.id()));
        entries.addFirst(e);
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }
}
