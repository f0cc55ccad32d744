package id.warta.dynamo;

import id.warta.reader.ReaderAccount;
import id.warta.content.Article;
import id.warta.content.Slugs;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.ReadingContext;
import id.warta.paywall.ReadingContexts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article, the account and the meter of one request in a single BatchGetItem across the
 * ContentTable, AccountsTable and ActivityTable (one GetItem for an anonymous reader). The account and
 * the meter are read strongly consistent: a password reset revokes tokens at once, and an unlock is
 * visible to the very next read.
 */
public final class DynamoReadingContexts implements ReadingContexts {
    private final DynamoDbClient dynamo;
    private final String contentTable;
    private final String accountsTable;
    private final String activityTable;
    private final DynamoContentRepository content;

    /** @param content the function's one repository of the ContentTable (its table is read in the same batch) */
    public DynamoReadingContexts(DynamoDbClient dynamo, DynamoContentRepository content, String accountsTable, String activityTable) {
        this.dynamo = dynamo;
        this.contentTable = content.table();
        this.accountsTable = accountsTable;
        this.activityTable = activityTable;
        this.content = content;
    }

    @Override
    public ReadingContext load(String slug, Optional<String> accountId, Optional<MeterPeriod> meterPeriod) {
        boolean knownShape = Slugs.isValid(slug);
        if (accountId.isEmpty()) {
            return new ReadingContext(knownShape ? content.findArticle(slug) : Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        String id = accountId.get();
        Map<String, KeysAndAttributes> request = new HashMap<>();
        if (knownShape) {
            request.put(contentTable, KeysAndAttributes.builder().keys(ContentTable.articleKey(slug)).build());
        }
        request.put(accountsTable, KeysAndAttributes.builder()
                .keys(AccountsTable.key(id))
                .consistentRead(true)
                .projectionExpression(DynamoReaderAccounts.PROJECTION).build());
        meterPeriod.ifPresent(period -> request.put(activityTable, DynamoMeters.currentRead(id, period)));
        Map<String, List<Map<String, AttributeValue>>> items = Batches.getAll(dynamo, request);
        Optional<Article> article = Batches.first(items, contentTable).flatMap(content::visibleArticle);
        Optional<ReaderAccount> account = Batches.first(items, accountsTable).map(item -> DynamoReaderAccounts.fromItem(id, item));
        Optional<MeterState> meter = meterPeriod.map(period -> DynamoMeters.stateOf(Batches.first(items, activityTable).orElse(null)));
        return new ReadingContext(article, account, meter);
    }
}
