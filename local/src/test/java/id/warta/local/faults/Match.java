package id.warta.local.faults;

import java.util.function.Predicate;

/** Which requests a fault applies to: an operation, narrowed by conditions on the request. */
public final class Match {
    private final Predicate<ProxiedRequest> test;
    private final String description;

    private Match(Predicate<ProxiedRequest> test, String description) {
        this.test = test;
        this.description = description;
    }

    /** Every request. */
    public static Match any() {
        return new Match(request -> true, "any request");
    }

    /** Requests of one AWS operation, e.g. "PutItem" (DynamoDB) or "SendEmail" (SES). */
    public static Match operation(String operation) {
        return new Match(request -> request.operation().equals(operation), operation);
    }

    /** Also on the named DynamoDB table. */
    public Match table(String tableName) {
        return bodyContains("\"TableName\":\"" + tableName + "\"");
    }

    /** Also with this text in the body (a key prefix, an address, a form field). */
    public Match bodyContains(String fragment) {
        return and(request -> request.body().contains(fragment), "body contains " + fragment);
    }

    /** Also satisfying an arbitrary condition. */
    public Match and(Predicate<ProxiedRequest> condition, String conditionDescription) {
        return new Match(test.and(condition), description + ", " + conditionDescription);
    }

    boolean matches(ProxiedRequest request) {
        return test.test(request);
    }

    @Override
    public String toString() {
        return description;
    }
}
