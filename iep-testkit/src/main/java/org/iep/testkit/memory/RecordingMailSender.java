package org.iep.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.MailSender;

/** Keeps sent mail for assertions; can be switched "down" to simulate a relay outage. */
public final class RecordingMailSender implements MailSender {
    private final List<MailMessage> sent = new ArrayList<>();
    private boolean down;

    @Override
    public synchronized void send(MailMessage message) {
        if (down) {
            throw new InfrastructureException(CoreErrorCode.DELIVERY_FAILURE, "The test mail relay is down.", true,
                    null);
        }
        sent.add(message);
    }

    public synchronized List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    public synchronized void down(boolean isDown) {
        this.down = isDown;
    }

    public synchronized void clear() {
        sent.clear();
    }
}
