package id.warta.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The publisher's time zone: reading periods and displayed times are Asia/Jakarta (UTC+7, no DST). */
public final class Jakarta {
    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private Jakarta() {
    }

    /** ISO-8601 with the Jakarta offset, as the contract shows times: 2026-12-01T00:00:00+07:00. */
    public static String iso(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
