package org.iep.api.spi;

/**
 * Sends text messages through a gateway. Called only by the core's outbox worker, which retries; an
 * implementation tries once and throws {@code InfrastructureException} on failure.
 */
public interface SmsSender {
    void send(SmsMessage message);
}
