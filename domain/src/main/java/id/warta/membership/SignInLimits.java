package id.warta.membership;

import id.warta.hashing.KeyedHash;
import id.warta.ratelimit.RateLimit;
import id.warta.ratelimit.RateLimitStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How failed sign-ins hold up further ones (issue 17, row 6). The contract's lockout, 5 failures
 * for one address within 15 minutes, counts per address and client network: whoever guesses from
 * one network locks that network out of the address, never its owner signing in from elsewhere.
 * Two ceilings stop what that alone would let through: {@value #ADDRESS_CEILING} failures for one
 * address from all networks together (guessing spread over many networks), and a configurable
 * number of failures from one network across all addresses (one password tried on many addresses;
 * 0 switches it off, for a stack behind a proxy that hides the clients' addresses). Every window is
 * 15 minutes; a failure counts towards all three.
 */
public final class SignInLimits {
    public static final int PER_ADDRESS_AND_CLIENT = 5;
    public static final int ADDRESS_CEILING = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** One limit and how a sign-in's address and network name its subject. */
    private record Counted(RateLimit limit, BiFunction<String, ClientNetwork, String> subject) {
    }

    private final List<Counted> limits = new ArrayList<>();

    /** @param failuresPerClient failed sign-ins one network may make within the window, across addresses; 0 for no such limit */
    SignInLimits(RateLimitStore store, KeyedHash subjects, int failuresPerClient, Clock clock) {
        limits.add(new Counted(limit("LOGIN_FAILURE_CLIENT", PER_ADDRESS_AND_CLIENT, store, subjects, clock),
                (email, client) -> client.id() + " " + email));
        limits.add(new Counted(limit("LOGIN_FAILURE", ADDRESS_CEILING, store, subjects, clock), (email, client) -> email));
        if (failuresPerClient > 0) {
            limits.add(new Counted(limit("LOGIN_FAILURE_IP", failuresPerClient, store, subjects, clock),
                    (email, client) -> client.id()));
        }
    }

    private static RateLimit limit(String name, int failures, RateLimitStore store, KeyedHash subjects, Clock clock) {
        return new RateLimit(name, List.of(new RateLimit.Window(failures, WINDOW)), store, subjects, clock);
    }

    /** How long a sign-in to the address from the network must wait: the longest wait any limit asks for. */
    Optional<Duration> retryAfter(String email, ClientNetwork client) {
        return limits.stream()
                .map(counted -> counted.limit().retryAfter(counted.subject().apply(email, client)))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** Counts a failed sign-in to the address from the network towards every limit. */
    void failed(String email, ClientNetwork client) {
        limits.forEach(counted -> counted.limit().record(counted.subject().apply(email, client)));
    }
}
