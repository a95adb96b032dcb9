package org.iep.core.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the recipient reads them in notifications: {@code 16/06/2017 10:08} in UK English,
 * {@code 2017-06-16 10:08} in Swedish, in the institution's time zone. Thread-safe.
 */
public final class DateText {
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter SWEDISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private DateText() {
    }

    public static String format(Instant instant, ZoneId zone, Locale language) {
        DateTimeFormatter f = Templates.supported(language).equals("sv") ? SWEDISH : UK;
        return f.format(instant.atZone(zone));
    }
}
