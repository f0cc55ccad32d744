package id.warta.ratelimit;

import id.warta.hashing.Sha256;
import id.warta.testing.InMemoryRateLimitStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitKeysTest {
    private static final String SERVER_KEY = "the-server-key-of-this-test-0123456789abcdef";
    private static final String EMAIL = "sari@example.id";

    @Test
    void aSubjectIsStoredOnlyAsItsHashUnderTheServerKey() {
        List<String> keys = new ArrayList<>();
        InMemoryRateLimitStore events = new InMemoryRateLimitStore();
        RateLimitStore recording = new RateLimitStore() {
            @Override
            public Events read(String key) {
                keys.add(key);
                return events.read(key);
            }

            @Override
            public boolean replace(String key, Events expected, List<Instant> times, Instant expiresAt) {
                keys.add(key);
                return events.replace(key, expected, times, expiresAt);
            }
        };
        RateLimit limit = new RateLimit("RESET_SEND", List.of(new RateLimit.Window(1, Duration.ofMinutes(1))), recording,
                RateLimit.subjectHashes(SERVER_KEY), Clock.systemUTC());

        assertThat(limit.tryAcquire(EMAIL)).isEmpty();
        assertThat(limit.tryAcquire(EMAIL)).isPresent();

        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key)
                .isEqualTo("RESET_SEND#" + RateLimit.subjectHashes(SERVER_KEY).hex(EMAIL))
                .doesNotContain(EMAIL)
                .doesNotContain(Sha256.hex(EMAIL)));
    }
}
