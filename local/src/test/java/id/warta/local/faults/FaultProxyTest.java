package id.warta.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy against a loopback stand-in for an emulator that records what reached it. */
class FaultProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer emulator;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        emulator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        emulator.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        emulator.createContext("/", this::answer);
        emulator.start();
        proxy = FaultProxy.start(URI.create("http://127.0.0.1:" + emulator.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        emulator.stop(0);
    }

    /** Echoes "ok:" and the body; a chunked answer, so the proxy must re-frame it. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        arrived.add(body);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("ok:" + body).getBytes(StandardCharsets.UTF_8));
        }
    }

    private HttpRequest dynamoDb(String operation, String body) {
        return HttpRequest.newBuilder(proxy.uri())
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest ses(String action) {
        return HttpRequest.newBuilder(proxy.uri())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=" + action + "&Version=2010-12-01")).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passesRequestsThroughOnOneKeptAliveConnectionWhenNoRuleMatches() throws Exception {
        proxy.inject(Match.operation("DeleteItem"), Fault.reset());

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = send(dynamoDb("PutItem", "{\"n\":" + i + "}"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok:{\"n\":" + i + "}");
        }
        assertThat(arrived).hasSize(3);
    }

    @Test
    void dropAfterWriteLetsTheRequestLandThenClosesWithoutAnAnswerForTheNextNOnly() throws Exception {
        FaultRule lost = proxy.inject(Match.operation("PutItem").table("Accounts"), Fault.dropAfterWrite(), 1);

        assertThatThrownBy(() -> send(dynamoDb("PutItem", "{\"TableName\":\"Accounts\"}"))).isInstanceOf(IOException.class);
        assertThat(arrived).containsExactly("{\"TableName\":\"Accounts\"}");
        assertThat(send(dynamoDb("PutItem", "{\"TableName\":\"Accounts\"}")).statusCode()).isEqualTo(200);
        assertThat(lost.hits()).isEqualTo(1);
        assertThat(arrived).hasSize(2);
    }

    @Test
    void aBodyConditionNarrowsTheMatch() throws Exception {
        FaultRule lost = proxy.inject(Match.operation("PutItem").table("Accounts"), Fault.dropAfterWrite(), 1);

        assertThat(send(dynamoDb("PutItem", "{\"TableName\":\"Activity\"}")).statusCode()).isEqualTo(200);
        assertThat(send(dynamoDb("GetItem", "{\"TableName\":\"Accounts\"}")).statusCode()).isEqualTo(200);
        assertThat(lost.hits()).isZero();
    }

    @Test
    void resetRefusesTheRequestBeforeItArrives() {
        FaultRule reset = proxy.inject(Match.operation("UpdateItem"), Fault.reset());

        assertThatThrownBy(() -> send(dynamoDb("UpdateItem", "{}"))).isInstanceOf(IOException.class);
        assertThat(arrived).isEmpty();
        assertThat(reset.hits()).isEqualTo(1);
    }

    @Test
    void anErrorAnswerComesFromTheProxyInsteadOfTheEmulator() throws Exception {
        proxy.inject(Match.operation("PutItem"), Fault.dynamoDbError(400, "ProvisionedThroughputExceededException", "slow down"), 1);
        proxy.inject(Match.operation("SendEmail"), Fault.sesError(403, "ExpiredToken", "rotate"), 1);

        HttpResponse<String> dynamo = send(dynamoDb("PutItem", "{}"));
        HttpResponse<String> ses = send(ses("SendEmail"));

        assertThat(dynamo.statusCode()).isEqualTo(400);
        assertThat(dynamo.body()).contains("#ProvisionedThroughputExceededException");
        assertThat(ses.statusCode()).isEqualTo(403);
        assertThat(ses.body()).contains("<Code>ExpiredToken</Code>", "<Type>Sender</Type>");
        assertThat(arrived).isEmpty();
    }

    @Test
    void aDelayedResponseArrivesWholeAfterTheDelay() throws Exception {
        proxy.inject(Match.operation("SendEmail"), Fault.delay(Duration.ofMillis(300)), 1);

        long started = System.nanoTime();
        HttpResponse<String> response = send(ses("SendEmail"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.body()).isEqualTo("ok:Action=SendEmail&Version=2010-12-01");
    }

    @Test
    void aHeldRequestGoesOnWhenItsRuleIsClosed() throws Exception {
        FaultRule paused = proxy.inject(Match.operation("SendEmail"), Fault.hold());

        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(ses("SendEmail"), HttpResponse.BodyHandlers.ofString());
        assertThat(paused.awaitHits(1, WAIT)).isTrue();
        assertThat(arrived).isEmpty();
        assertThat(pending).isNotDone();

        paused.close();
        assertThat(pending.get().statusCode()).isEqualTo(200);
        assertThat(arrived).hasSize(1);
    }

    @Test
    void aWatchCountsWithoutChangingAnythingAndTheFirstMatchingFaultWins() throws Exception {
        FaultRule sends = proxy.watch(Match.operation("SendEmail"));
        FaultRule first = proxy.inject(Match.operation("SendEmail"), Fault.sesError(400, "Throttling", "slow"), 1);
        FaultRule second = proxy.inject(Match.operation("SendEmail"), Fault.sesError(500, "InternalFailure", "oops"), 1);

        assertThat(send(ses("SendEmail")).statusCode()).isEqualTo(400);
        assertThat(send(ses("SendEmail")).statusCode()).isEqualTo(500);
        assertThat(send(ses("SendEmail")).statusCode()).isEqualTo(200);
        assertThat(send(ses("GetSendQuota")).statusCode()).isEqualTo(200);

        assertThat(sends.hits()).isEqualTo(3);
        assertThat(first.hits()).isEqualTo(1);
        assertThat(second.hits()).isEqualTo(1);
    }

    @Test
    void aCutRefusesConnectionsUntilRestoredOnTheSamePort() throws Exception {
        proxy.cut();
        assertThatThrownBy(() -> send(dynamoDb("GetItem", "{}"))).isInstanceOf(IOException.class);

        proxy.restore();
        assertThat(send(dynamoDb("GetItem", "{}")).statusCode()).isEqualTo(200);
    }

    @Test
    void theOperationIsReadFromEitherProtocol() {
        assertThat(new ProxiedRequest("POST", "/", "DynamoDB_20120810.UpdateItem", "application/x-amz-json-1.0", "{}")
                .operation()).isEqualTo("UpdateItem");
        assertThat(new ProxiedRequest("POST", "/", null, "application/x-www-form-urlencoded",
                "Version=2010-12-01&Action=SendEmail&Source=a%40b").operation()).isEqualTo("SendEmail");
        assertThat(new ProxiedRequest("GET", "/store?x=1", null, null, "").operation()).isEqualTo("GET /store");
    }
}
