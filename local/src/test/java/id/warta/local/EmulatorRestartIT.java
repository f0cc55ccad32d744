package id.warta.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, row 5: a DynamoDB emulator that dies is started again on the same port, and that is
 * said. With a data directory (as bin/dev runs it) the tables and items survive; in memory (as the
 * tests run it) the tables of the template are created again.
 */
class EmulatorRestartIT {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("ACCOUNT#tahan-banting"),
            "sk", AttributeValue.fromS("ACCOUNT"));

    private final Queue<String> announced = new ConcurrentLinkedQueue<>();

    @Test
    void aKilledDynaliteWithADataDirectoryComesBackOnItsPortWithItsData(@TempDir Path directory) throws Exception {
        Path root = ProjectRoot.find();
        try (Emulators emulators = Emulators.start(root, directory.resolve("logs"), directory.resolve("dynamodb"));
             LocalCloud cloud = LocalCloud.start(root, emulators, Map.of(), Map.of())) {
            emulators.announceTo(announced::add);
            cloud.dynamo().putItem(b -> b.tableName("AccountsTable").item(Map.of(
                    "pk", KEY.get("pk"), "sk", KEY.get("sk"), "activated", AttributeValue.fromBool(true))));

            killAndAwaitRestart(emulators);

            assertThat(announced).anyMatch(line -> line.contains("dynalite on port " + emulators.dynamoDbEndpoint().getPort()
                    + " exited unexpectedly") && line.contains(emulators.dynamoDbLog().toString()));
            assertThat(announced).anyMatch(line -> line.contains("dynalite restarted on port " + emulators.dynamoDbEndpoint().getPort()));
            assertThat(cloud.dynamo().getItem(b -> b.tableName("AccountsTable").key(KEY).consistentRead(true)).item())
                    .containsEntry("activated", AttributeValue.fromBool(true));
            assertThat(emulators.dynamoDbLog()).content().contains("Dynalite listening at");
        }
    }

    @Test
    void aKilledInMemoryDynaliteComesBackWithTheTemplatesTables(@TempDir Path directory) throws Exception {
        Path root = ProjectRoot.find();
        try (Emulators emulators = Emulators.start(root, directory.resolve("logs"), null);
             LocalCloud cloud = LocalCloud.start(root, emulators, Map.of(), Map.of())) {
            emulators.announceTo(announced::add);

            killAndAwaitRestart(emulators);

            assertThat(cloud.dynamo().listTables().tableNames())
                    .containsExactlyInAnyOrderElementsOf(cloud.template().tables().stream().map(SamTemplate.Table::logicalId).toList());
        }
    }

    private void killAndAwaitRestart(Emulators emulators) throws Exception {
        ProcessHandle dynalite = emulators.dynamoDbProcess();
        dynalite.destroyForcibly();
        assertThat(dynalite.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        AccountsMailbox.pollUntil(() -> emulators.dynamoDbProcess().pid() != dynalite.pid()
                && announced.stream().anyMatch(line -> line.contains("restarted")) ? Boolean.TRUE : null, "dynalite to be restarted");
    }
}
