package org.iep.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxPayloadTest {

    @Test
    void roundTripsAnyTextAndSealsOnlySecrets() {
        Notification n = new Notification("AVAILABLE/g-1", NotificationKind.AVAILABLE,
                Addressee.email("pat+tag@test.com", Locale.forLanguageTag("sv-SE")),
                Map.of("reason", "line one\nline=two & ünïcödé %41", "secret.link", "https://x/a/tok=en"),
                Instant.parse("2026-03-02T09:00:00Z"), Instant.MAX);
        String payload = OutboxPayload.encode(n, s -> "SEALED(" + s.length() + ")");
        assertThat(payload).doesNotContain("tok=en").doesNotContain("tok%3Den").contains("sealed.secret.link");
        assertThat(payload.lines()).allMatch(l -> l.chars().filter(c -> c == '=').count() == 1);

        Notification back = OutboxPayload.decode(payload, s -> {
            assertThat(s).isEqualTo("SEALED(18)");
            return "https://x/a/tok=en";
        });
        assertThat(back).usingRecursiveComparison().isEqualTo(n);
    }

    @Test
    void aPayloadMissingAFieldIsRefused() {
        assertThatThrownBy(() -> OutboxPayload.decode("key=x\n", s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outbox payload lacks");
    }
}
