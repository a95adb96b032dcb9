package org.iep.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.SmsMessage;
import org.iep.api.spi.SmsSender;

/** Keeps sent texts for assertions; can be switched "down" to simulate a gateway outage. */
public final class RecordingSmsSender implements SmsSender {
    private final List<SmsMessage> sent = new ArrayList<>();
    private boolean down;

    @Override
    public synchronized void send(SmsMessage message) {
        if (down) {
            throw new InfrastructureException(CoreErrorCode.DELIVERY_FAILURE, "The test SMS gateway is down.", true,
                    null);
        }
        sent.add(message);
    }

    public synchronized List<SmsMessage> sent() {
        return List.copyOf(sent);
    }

    public synchronized void down(boolean isDown) {
        this.down = isDown;
    }

    public synchronized void clear() {
        sent.clear();
    }
}
