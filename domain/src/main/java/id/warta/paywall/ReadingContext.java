package id.warta.paywall;

import id.warta.reader.ReaderAccount;
import id.warta.content.Article;

import java.util.Optional;

/**
 * What one request on an article needs, fetched together: the article (empty when unknown), the
 * signed-in reader's account (empty when anonymous or when the account no longer exists) and, when
 * asked for, that reader's meter.
 */
public record ReadingContext(Optional<Article> article, Optional<ReaderAccount> account, Optional<MeterState> meter) {
}
