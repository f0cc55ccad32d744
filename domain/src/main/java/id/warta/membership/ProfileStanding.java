package id.warta.membership;

import id.warta.mail.SuppressionList;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;

import java.util.Optional;

/**
 * What the profile ({@code GET /me}) shows beside the account itself: the reader's meter of the
 * period and their address's suppression, if SES had it suppressed. One port for both, so that an
 * adapter reads them in one round trip: the suppression is keyed by the address, which only the
 * account holds, so it cannot join the account's own read, but it can join the meter's.
 */
public interface ProfileStanding {

    /** @param suppression present when email no longer reaches the address ({@link SuppressionList}) */
    record Standing(MeterState meter, Optional<SuppressionList.Suppression> suppression) {
    }

    /** Both read consistently: an unlock or a suppression just written counts. */
    Standing of(String accountId, String email, MeterPeriod period);
}
