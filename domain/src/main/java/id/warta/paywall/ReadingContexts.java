package id.warta.paywall;

import java.util.Optional;

/** Loads a {@link ReadingContext} in as few round trips as the store allows (one for DynamoDB). */
public interface ReadingContexts {

    /**
     * @param accountId   the account a verified token names, empty for an anonymous reader
     * @param meterPeriod also read that account's meter for this period; empty when the caller
     *                    reads or writes the meter itself
     */
    ReadingContext load(String slug, Optional<String> accountId, Optional<MeterPeriod> meterPeriod);
}
