package org.iep.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private final Templates templates = new Templates();

    /** Every value any template uses, with recognisable text. */
    static Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        v.put("recipientName", "Pat Patient");
        v.put("institution", "South Tees Hospital");
        v.put("tracking", "STEE5003131");
        v.put("forwardTracking", "STEE5003132");
        v.put("patient", "S*** B***");
        v.put("expires", "16/06/2017 10:08");
        v.put("viewUntil", "13/06/2017 10:08");
        v.put("until", "02/06/2017 11:00");
        v.put("contactEmail", "medrec@stee.example.org");
        v.put("contactPhone", "01473 417100");
        v.put("reason", "Not my images");
        v.put("forwardee", "gp***@su***********le");
        v.put("recipient", "pa***@te****om");
        v.put("minutes", "10");
        v.put("type", "TRANSFER");
        v.put("priority", "NORMAL");
        v.put("secret.link", "https://iep.example.org/a/TOKEN");
        v.put("secret.passcode", "123456");
        return v;
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindRendersCompletelyInEnglishAndSwedish(NotificationKind kind) {
        for (Locale lang : new Locale[] {Locale.UK, Locale.forLanguageTag("sv-SE")}) {
            RenderedMessage m = templates.render(kind, lang, values());
            for (String part : new String[] {m.subject(), m.text(), m.html(), m.sms()}) {
                assertThat(part).isNotBlank().doesNotContain("${");
            }
            // subjects never name the patient, not even masked, nor carry a secret
            assertThat(m.subject()).doesNotContain("S*** B***").doesNotContain("Pat Patient")
                    .doesNotContain("TOKEN").doesNotContain("123456");
            assertThat(m.sms().length()).isLessThanOrEqualTo(160);
        }
    }

    @Test
    void swedishIsSwedishAndEnglishIsUkEnglish() {
        RenderedMessage sv = templates.render(NotificationKind.AVAILABLE, Locale.forLanguageTag("sv-SE"), values());
        assertThat(sv.language()).isEqualTo("sv");
        assertThat(sv.subject()).isEqualTo("Bilder från South Tees Hospital finns för dig (STEE5003131)");
        RenderedMessage en = templates.render(NotificationKind.AVAILABLE, Locale.UK, values());
        assertThat(en.language()).isEqualTo("en-GB");
        assertThat(en.subject()).isEqualTo("Images from South Tees Hospital are ready for you (STEE5003131)");
        assertThat(en.text()).contains("https://iep.example.org/a/TOKEN", "S*** B***", "16/06/2017 10:08");
        assertThat(en.html()).contains("<a href=\"https://iep.example.org/a/TOKEN\">");
    }

    @Test
    void otherLanguagesFallBackToUkEnglish() {
        RenderedMessage de = templates.render(NotificationKind.PASSCODE, Locale.GERMANY, values());
        RenderedMessage en = templates.render(NotificationKind.PASSCODE, Locale.UK, values());
        assertThat(de).isEqualTo(en);
        assertThat(de.sms()).isEqualTo(
                "Your IEP passcode is 123456. It is valid for 10 minutes and can be used once.");
    }

    @Test
    void valuesAreEscapedInHtmlAndSubjectsStayOnOneLine() {
        Map<String, String> v = values();
        v.put("reason", "<script>alert('x')</script> & more");
        v.put("tracking", "STEE1\r\nBcc: evil@example.org");
        RenderedMessage m = templates.render(NotificationKind.DECLINED, Locale.UK, v);
        assertThat(m.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(m.text()).contains("<script>alert('x')</script> & more");
        assertThat(m.subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aMissingValueFailsLoudlyWithoutPrintingValues() {
        Map<String, String> v = values();
        v.remove("secret.link");
        assertThatThrownBy(() -> templates.render(NotificationKind.AVAILABLE, Locale.UK, v))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'secret.link'")
                .hasMessageNotContaining("South Tees");
    }

    @Test
    void institutionNoticesNeedOnlyTheValuesTheirProducersSend() {
        // what org.iep.core.transaction and org.iep.core.retention send: no patient details at all
        Map<String, String> created = Map.of("tracking", "STEE5003131", "type", "REQUEST", "priority", "BLUE_LIGHT",
                "institution", "North Tees Hospital");
        assertThat(templates.render(NotificationKind.CREATED, Locale.UK, created).subject())
                .isEqualTo("New REQUEST STEE5003131 from North Tees Hospital");
        Map<String, String> declined = new HashMap<>(created);
        declined.put("reason", "Wrong patient");
        assertThat(templates.render(NotificationKind.DECLINED, Locale.UK, declined).text())
                .contains("declined by North Tees Hospital", "Wrong patient");
        assertThat(templates.render(NotificationKind.PURGED, Locale.forLanguageTag("sv"),
                Map.of("tracking", "STEE5003131")).subject())
                .isEqualTo("Bilderna i transaktion STEE5003131 har raderats");
    }

    @Test
    void datesReadAsEachLanguageWritesThem() {
        Instant t = Instant.parse("2017-06-16T09:08:00Z");
        assertThat(DateText.format(t, ZoneId.of("Europe/London"), Locale.UK)).isEqualTo("16/06/2017 10:08");
        assertThat(DateText.format(t, ZoneId.of("Europe/Stockholm"), new Locale("sv"))).isEqualTo("2017-06-16 11:08");
        assertThat(DateText.format(t, ZoneId.of("Europe/London"), Locale.GERMANY)).isEqualTo("16/06/2017 10:08");
    }

    @Test
    void namesAreMaskedToInitials() {
        assertThat(Masking.name("SIMPSON", "Blanche")).isEqualTo("S*** B***");
        assertThat(Masking.name("", " ")).isEqualTo("*** ***");
    }
}
