package id.warta.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    @ParameterizedTest(name = "{0} seconds ago is \"{1}\"")
    @CsvSource({
        "0, baru saja",
        "59, baru saja",
        "60, 1 menit lalu",
        "3599, 59 menit lalu",
        "3600, 1 jam lalu",
        "86399, 23 jam lalu",
        "86400, 1 hari lalu",
        "604799, 6 hari lalu",
        "-30, baru saja"
    })
    void describesRecentTimesRoundedDown(long secondsAgo, String expected) {
        assertThat(RelativeTime.of(NOW.minus(Duration.ofSeconds(secondsAgo)), NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is shown as \"{1}\"")
    @CsvSource({
        "2024-05-12T05:00:00Z, 12 Mei 2024",
        // 18:30 UTC on 31 Jan is already 1 Feb in Jakarta.
        "2026-01-31T18:30:00Z, 1 Februari 2026",
        "2026-11-19T03:15:00Z, 19 November 2026"
    })
    void showsOlderTimesAsAJakartaDate(String published, String expected) {
        assertThat(RelativeTime.of(Instant.parse(published), NOW)).isEqualTo(expected);
    }
}
