package org.iep.api.spi;

/**
 * Sends e-mail. Called only by the core's outbox worker, which retries; so an implementation just tries once and
 * throws {@code InfrastructureException} (retryable or not) when the relay refuses or is unreachable.
 */
public interface MailSender {
    void send(MailMessage message);
}
