package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.local.faults.FaultRule;
import id.warta.local.faults.Match;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamoDB round trips of one {@code GET /me}, counted by the proxy between the accounts function
 * and the emulator: the token's account (the revocation rule), the profile's account, then the meter
 * and the address's suppression together in one BatchGetItem; a suppressed address still answers
 * {@code emailDeliverable: false}.
 */
@LocalStackOnly
class MeDynamoCallsIT {
    @AutoClose
    private static final ProxiedStack proxied = TestStack.behindFaultProxy();
    private static final AccountRequests accounts = new AccountRequests(proxied.stack());

    @AfterEach
    void clearWatches() {
        proxied.dynamoDb().clear();
    }

    /** Registers the address (unactivated accounts sign in too) and signs in: the bearer header's value. */
    private static String signedIn(String email) {
        assertThat(accounts.register(email).status()).isEqualTo(202);
        TestStack.Response login = accounts.login(email, AccountRequests.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return "Bearer " + login.json().path("accessToken").asText();
    }

    private record Counted(JsonNode me, int calls, int getItems, int batchGetItems, int meterAndSuppressionBatches,
                           int suppressionGetItems) {
    }

    private static Counted me(String bearer) {
        try (FaultRule calls = proxied.dynamoDb().watch(Match.any());
             FaultRule getItems = proxied.dynamoDb().watch(Match.operation("GetItem"));
             FaultRule batchGetItems = proxied.dynamoDb().watch(Match.operation("BatchGetItem"));
             FaultRule meterAndSuppression = proxied.dynamoDb().watch(Match.operation("BatchGetItem")
                     .bodyContains("METER#").bodyContains("SUPPRESSED#"));
             FaultRule suppressionGetItems = proxied.dynamoDb().watch(Match.operation("GetItem").bodyContains("SUPPRESSED#"))) {
            TestStack.Response me = proxied.stack().get("/me", "Authorization", bearer);
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            return new Counted(me.json(), calls.hits(), getItems.hits(), batchGetItems.hits(), meterAndSuppression.hits(),
                    suppressionGetItems.hits());
        }
    }

    @Test
    void meReadsTheAccountTwiceThenTheMeterAndTheSuppressionInOneBatch() {
        Counted counted = me(signedIn(AccountsMailbox.uniqueAddress("me-calls")));

        assertThat(counted.me().path("emailDeliverable").asBoolean()).isTrue();
        assertThat(counted.calls()).as("DynamoDB calls of one GET /me").isEqualTo(3);
        assertThat(counted.getItems()).as("the token's account, the profile's account").isEqualTo(2);
        assertThat(counted.batchGetItems()).isEqualTo(1);
        assertThat(counted.meterAndSuppressionBatches()).isEqualTo(1);
        assertThat(counted.suppressionGetItems()).as("no GetItem of its own for the suppression").isZero();
    }

    @Test
    void aSuppressedAddressIsUndeliverableOnMeInTheSameThreeCalls() {
        String complaining = AccountsMailbox.uniqueAddress("me-calls-complaining");
        SuppressedAddressIT.feedback(proxied.stack(), "complaint.json", complaining);

        Counted counted = me(signedIn(complaining));

        assertThat(counted.me().path("emailDeliverable").isBoolean()).isTrue();
        assertThat(counted.me().path("emailDeliverable").asBoolean()).isFalse();
        assertThat(counted.calls()).isEqualTo(3);
        assertThat(counted.meterAndSuppressionBatches()).isEqualTo(1);
    }
}
