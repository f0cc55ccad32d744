package id.warta.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** "baru saja", "5 menit lalu", "3 jam lalu", "2 hari lalu", then a date such as "12 Mei 2024". */
public final class RelativeTime {
    private static final String[] MONTHS = {
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember"
    };

    private RelativeTime() {
    }

    public static String of(Instant published, Instant now) {
        Duration age = Duration.between(published, now);
        if (age.compareTo(Duration.ofMinutes(1)) < 0) {
            return "baru saja";
        }
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return age.toMinutes() + " menit lalu";
        }
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return age.toHours() + " jam lalu";
        }
        if (age.compareTo(Duration.ofDays(7)) < 0) {
            return age.toDays() + " hari lalu";
        }
        LocalDate date = LocalDate.ofInstant(published, Jakarta.ZONE);
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }
}
