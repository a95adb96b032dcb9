package org.iep.adapters.notify;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.iep.api.spi.SmsMessage;
import org.iep.api.spi.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * {@link SmsSender} through GOV.UK Notify with its official client: the core's rendered text goes into the
 * {@code message} placeholder of a template whose body is {@code ((message))}, with the outbox's message ID as the
 * reference. Numbers must be E.164 (anything else is refused before any request); they appear in logs and errors
 * only masked. Sends beyond {@code perMinute} fail fast as retryable. Tries once; the core's outbox retries.
 * Thread-safe.
 */
public final class NotifySmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySmsSender.class);
    private final NotifyConfig config;
    private final NotificationClient client;
    private final SendRate rate;

    @Inject
    public NotifySmsSender(NotifyConfig config, Clock clock) {
        this.config = config;
        this.client = new NotificationClient(config.apiKey().reveal(), config.baseUrl());
        this.rate = new SendRate(clock, config.perMinute());
    }

    @Override
    public void send(SmsMessage m) {
        String masked = PhoneNumbers.masked(m.to());
        if (!PhoneNumbers.isE164(m.to())) {
            throw new SmsGatewayException(NotifyErrorCode.INVALID_NUMBER, "The phone number " + masked
                    + " is not an E.164 number (+, country code and number, no spaces); nothing was sent.", false, null);
        }
        if (!rate.tryTake()) {
            throw new SmsGatewayException(NotifyErrorCode.GATEWAY_UNAVAILABLE, "More than " + config.perMinute()
                    + " text messages a minute; this one waits for the next outbox pass.", true, null);
        }
        try {
            if (config.smsSenderId().isEmpty()) {
                client.sendSms(config.templateId(), m.to(), Map.of("message", m.text()), m.messageId());
            } else {
                client.sendSms(config.templateId(), m.to(), Map.of("message", m.text()), m.messageId(),
                        config.smsSenderId());
            }
            LOG.debug("Text message {} sent to {}", m.messageId(), masked);
        } catch (NotificationClientException e) {
            throw classify(e, masked);
        }
    }

    private static SmsGatewayException classify(NotificationClientException e, String masked) {
        int status = e.getHttpResult();
        // the client's message quotes the gateway's answer, which may echo the number: keep it only as the cause
        Exception cause = new Exception("GOV.UK Notify answered HTTP " + status);
        if (status == 403) {
            return new SmsGatewayException(NotifyErrorCode.AUTHENTICATION_FAILED, "GOV.UK Notify refused the API"
                    + " key (HTTP 403); messages wait until it is fixed.", true, cause);
        }
        if (status == 400) {
            return new SmsGatewayException(NotifyErrorCode.MESSAGE_REJECTED, "GOV.UK Notify refused the text"
                    + " message to " + masked + " (HTTP 400), e.g. a number it cannot send to.", false, cause);
        }
        return new SmsGatewayException(NotifyErrorCode.GATEWAY_UNAVAILABLE, "GOV.UK Notify could not take the"
                + " text message" + (status > 0 ? " (HTTP " + status + ")" : " (no answer)") + "; it will be"
                + " retried.", true, cause);
    }
}
