package id.warta.local;

import id.warta.config.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

/**
 * bin/seed TABLE: the sample content into a deployed stack's ContentTable, so that the deployed-stack
 * tier of the integration tests finds what they read. Region and credentials come from the shell or
 * the AWS profile (the SDK's default chains): this is an operator's tool, not a function.
 */
public final class SeedTable {
    private SeedTable() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: bin/seed <ContentTable physical name>   (aws cloudformation describe-stack-resource"
                    + " --stack-name <stack> --logical-resource-id ContentTable)");
            System.exit(2);
        }
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(AwsClients.httpClient()).build()) {
            Seeder.Seeded seeded = Seeder.seed(dynamo, args[0], Instant.now());
            System.out.println("Seeded " + seeded.articles().size() + " articles and " + seeded.videos().size()
                    + " videos into " + args[0] + ".");
        }
    }
}
