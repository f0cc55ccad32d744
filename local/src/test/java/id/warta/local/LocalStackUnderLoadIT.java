package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, row 5: 200 mixed requests at once through the local API server (registrations, logins,
 * reads, views) while clients give up on the DynamoDB emulator in the middle of a request body, as
 * an SDK attempt timeout does. A request may be refused (4xx) or find the emulator too slow (503),
 * but the emulator must not die: afterwards it is the same process, every route of the template
 * answers, and the accounts that existed before are whole (they sign in, /me shows their address).
 * What a registration answers under SDK retries, and whether its account is whole, is row 1's
 * subject (retry-safe conditional writes) and is asserted by that row's own storm test.
 */
class LocalStackUnderLoadIT {
    private static final int ACCOUNTS_BEFORE = 3;
    private static final int REGISTRATIONS = 30;
    private static final int LOGINS = 30;
    private static final int VIEWS = 40;
    private static final int READS = 100;
    private static final int ABANDONED_REQUESTS = 20;
    private static final String PASSWORD = "kata-sandi-beban-2026";

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    @Test
    void twoHundredParallelRequestsLeaveTheEmulatorAliveEveryRouteAnsweringAndEveryAccountWhole() throws Exception {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS_BEFORE; i++) {
            existing.add(activatedAccount());
        }
        long dynamoDbPid = stack.cloud().emulators().dynamoDbProcess().pid();
        List<String> slugs = stack.seeded().articles().stream().map(Article::slug).toList();
        List<Supplier<TestStack.Response>> requests = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            String address = AccountsMailbox.uniqueAddress("badai");
            requests.add(() -> stack.post("/auth/register", credentials(address)));
        }
        for (int i = 0; i < LOGINS; i++) {
            String address = existing.get(i % existing.size());
            requests.add(() -> stack.post("/auth/login", credentials(address)));
        }
        for (int i = 0; i < VIEWS; i++) {
            String slug = slugs.get(i % slugs.size());
            requests.add(() -> stack.post("/articles/" + slug + "/views", "{}", "X-Reader-Id", UUID.randomUUID().toString()));
        }
        List<String> reads = List.of("/articles?limit=20", "/trending", "/videos", "/articles/%s", "/articles/%s/recommendations");
        for (int i = 0; i < READS; i++) {
            String path = reads.get(i % reads.size()).formatted(slugs.get(i % slugs.size()));
            requests.add(() -> stack.get(path));
        }
        assertThat(requests).hasSize(200);

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests.size(); i++) {
                Supplier<TestStack.Response> request = requests.get(i);
                boolean registration = i < REGISTRATIONS;
                clients.submit(() -> {
                    go.await();
                    TestStack.Response response;
                    try {
                        response = request.get();
                    } catch (IllegalStateException noAnswer) {
                        failures.add("no answer: " + noAnswer.getMessage() + ": " + noAnswer.getCause());
                        return null;
                    }
                    statuses.merge(response.status(), 1, Integer::sum);
                    boolean unavailable = response.status() == 503 && "INTERNAL".equals(response.errorCode());
                    if (response.status() >= 500 && !unavailable && !registration) {
                        failures.add(response.status() + " " + response.body());
                    }
                    return null;
                });
            }
            for (int i = 0; i < ABANDONED_REQUESTS; i++) {
                clients.submit(() -> {
                    go.await();
                    abandonMidBody(stack.cloud().emulators().dynamoDbEndpoint());
                    return null;
                });
            }
            go.countDown();
        }
        System.out.println("Statuses of 200 parallel requests: " + statuses);

        assertThat(failures).as("requests without an answer, or answered 5xx other than 503 INTERNAL").isEmpty();
        assertThat(stack.cloud().emulators().dynamoDbProcess().pid()).as("dynalite's process (not restarted)")
                .isEqualTo(dynamoDbPid);
        assertThat(Files.readString(stack.cloud().emulators().dynamoDbLog())).contains("client went away mid-request");

        for (SamTemplate.HttpRoute route : stack.cloud().template().httpRoutes()) {
            if (route.path() != null) {
                TestStack.Response response = RouteSamples.send(stack, RouteSamples.of(route));
                assertThat(response.status()).as(route.routeKey() + " " + response.body()).isLessThan(500);
            }
        }
        for (String address : existing) {
            TestStack.Response login = stack.post("/auth/login", credentials(address));
            assertThat(login.status()).as("signing in " + address + ": " + login.body()).isEqualTo(200);
            TestStack.Response me = stack.get("/me", "Authorization", "Bearer " + login.json().path("accessToken").asText());
            assertThat(me.json().path("email").asText()).isEqualToIgnoringCase(address);
        }
    }

    /** Registered and activated through the API and its email, like a reader. */
    private String activatedAccount() {
        String address = AccountsMailbox.uniqueAddress("tetap");
        assertThat(stack.post("/auth/register", credentials(address)).status()).isEqualTo(202);
        JsonNode email = mailbox.awaitLatestEmail(address, 1);
        assertThat(stack.post("/auth/activate", "{\"token\":\"" + AccountsMailbox.token(email) + "\"}").status()).isEqualTo(200);
        return address;
    }

    private static String credentials(String address) {
        return "{\"email\":\"" + address + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Pembaca Badai\"}";
    }

    /** What an SDK attempt timeout does to a request: headers and half a body, then the connection closes. */
    private static void abandonMidBody(URI dynamoDb) throws IOException {
        try (Socket socket = new Socket(dynamoDb.getHost(), dynamoDb.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: " + dynamoDb.getAuthority() + "\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\n"
                    + "Content-Length: 4096\r\n\r\n{\"TableName\":\"AccountsTable\",").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
