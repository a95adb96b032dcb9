package org.iep.app.web.individual;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as individuals read them: UK time, medium style, in the page's language. */
final class Times {
    static final ZoneId UK = ZoneId.of("Europe/London");

    private Times() {
    }

    static String format(Instant t, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(UK).format(t);
    }

    static String date(Instant t, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(UK).format(t);
    }
}
