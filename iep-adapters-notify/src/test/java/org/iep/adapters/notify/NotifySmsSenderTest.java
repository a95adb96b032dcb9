package org.iep.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.iep.api.Secret;
import org.iep.api.spi.SmsMessage;
import org.iep.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class NotifySmsSenderTest {
    private static final String TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private final TestClock clock = TestClock.create();
    private FakeNotify notify;

    @BeforeEach
    void start() throws IOException {
        notify = new FakeNotify();
    }

    @AfterEach
    void stop() {
        notify.close();
    }

    private NotifySmsSender sender(int perMinute) {
        return new NotifySmsSender(new NotifyConfig(Secret.of(FakeNotify.API_KEY), notify.baseUrl(), TEMPLATE, "",
                perMinute), clock);
    }

    @Test
    void sendsTheRenderedTextThroughTheTemplateWithASignedRequest() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(NotifySmsSender.class);
        logger.setLevel(Level.DEBUG);
        logger.addAppender(logs);

        sender(3000).send(new SmsMessage("outbox-42", "+447700900123", "Your passcode is 123456"));

        assertThat(notify.refusals()).isEmpty();
        assertThat(notify.sent()).containsExactly(new FakeNotify.Sent("+447700900123", TEMPLATE,
                "Your passcode is 123456", "outbox-42"));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain("7700900123").doesNotContain("123456"))
                .anySatisfy(line -> assertThat(line).contains("+44*******123"));
        logger.detachAppender(logs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700900123", "+44 7700 900123", "447700900123", "+0447700900", "+44770090012345678", ""})
    void numbersThatAreNotE164AreRefusedBeforeAnyRequest(String number) {
        assertThatThrownBy(() -> sender(3000).send(new SmsMessage("m", number, "x")))
                .isInstanceOfSatisfying(SmsGatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(NotifyErrorCode.INVALID_NUMBER);
                    assertThat(e.retryable()).isFalse();
                    if (number.length() > 6) {
                        assertThat(e.getMessage()).doesNotContain(number);
                    }
                });
        assertThat(notify.sent()).isEmpty();
        assertThat(notify.refusals()).isEmpty();
    }

    @Test
    void gatewayAnswersAreClassifiedForTheOutbox() {
        NotifySmsSender sender = sender(3000);
        Map<Integer, Boolean> retryable = Map.of(429, true, 500, true, 503, true, 403, true, 400, false);
        retryable.forEach((status, expected) -> {
            notify.answer(status);
            assertThatThrownBy(() -> sender.send(new SmsMessage("m" + status, "+447700900123", "x")))
                    .as("HTTP " + status).isInstanceOfSatisfying(SmsGatewayException.class, e -> {
                        assertThat(e.retryable()).isEqualTo(expected);
                        assertThat(e.getMessage()).doesNotContain("7700900123");
                    });
        });
        assertThat(notify.sent()).isEmpty();
    }

    @Test
    void aGatewayThatIsDownIsRetryable() {
        NotifySmsSender sender = sender(3000);
        notify.close();

        assertThatThrownBy(() -> sender.send(new SmsMessage("m", "+447700900123", "x")))
                .isInstanceOfSatisfying(SmsGatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(NotifyErrorCode.GATEWAY_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void sendsAreLimitedPerMinuteAndRefill() {
        NotifySmsSender sender = sender(3);
        for (int i = 0; i < 3; i++) {
            sender.send(new SmsMessage("r" + i, "+447700900123", "x"));
        }
        assertThatThrownBy(() -> sender.send(new SmsMessage("r3", "+447700900123", "x")))
                .isInstanceOfSatisfying(SmsGatewayException.class, e -> assertThat(e.retryable()).isTrue());

        clock.advance(Duration.ofSeconds(20));
        sender.send(new SmsMessage("r4", "+447700900123", "x"));
        assertThat(notify.sent()).hasSize(4);
    }

    @Test
    void configurationProblemsAreListedTogetherAndTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> NotifyConfig.from(Map.of("iep.notify.apiKey", "short", "iep.notify.baseUrl",
                "http://notify.example.org", "iep.notify.templateId", "x", "iep.notify.perMinute", "lots")))
                .isInstanceOfSatisfying(InvalidNotifyConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("iep.notify.apiKey", "iep.notify.baseUrl",
                                "iep.notify.templateId", "iep.notify.perMinute"));
        NotifyConfig ok = NotifyConfig.from(Map.of("iep.notify.apiKey", FakeNotify.API_KEY,
                "iep.notify.templateId", TEMPLATE));
        assertThat(ok.baseUrl()).isEqualTo(NotifyConfig.PUBLIC_BASE_URL);
        assertThat(ok.toString()).doesNotContain(FakeNotify.SECRET);
    }
}
