package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.content.AccessLevel;
import id.warta.json.Json;
import id.warta.views.ViewsHandler;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts towards trending and recommendations, against the emulator: a reader's views of an
 * article count once an hour (a reader without an id is known by its network), and a client address
 * has a per-minute ceiling that never touches the answer or the unlock. Both writes with DynamoDB's
 * answer lost are in LostAnswersIT.
 */
class ViewCountingIT {
    private static final String CEILING = "5";
    /** Only a value in an event here (a documentation address): no traffic goes anywhere. */
    private static final String OTHER_CLIENT = "198.51.100.77";

    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);
    private final RecordedViews recorded = new RecordedViews(stack);
    private final String free = stack.seeded().articles().stream()
            .filter(a -> a.summary().accessLevel() == AccessLevel.FREE).skip(3).findFirst().orElseThrow().slug();
    private final String metered = stack.seeded().articles().stream()
            .filter(a -> a.summary().accessLevel() == AccessLevel.METERED).skip(1).findFirst().orElseThrow().slug();

    private static long hoursSince(Instant from) {
        return ChronoUnit.HOURS.between(from.truncatedTo(ChronoUnit.HOURS), Instant.now().truncatedTo(ChronoUnit.HOURS)) + 1;
    }

    /** A view over HTTP from a loopback address of the test's choosing (127.0.0.0/8 is all this machine). */
    private int viewFrom(String loopback, String slug, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.api().resolve("/articles/" + slug + "/views"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(loopback)).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void aBrowsersRepeatedViewsOfAnArticleCountOnceAnHour() throws Exception {
        String browser = UUID.randomUUID().toString();
        Instant before = Instant.now();

        for (int i = 0; i < 5; i++) {
            assertThat(viewFrom("127.0.0.1", free, "X-Reader-Id", browser)).isEqualTo(200);
        }

        assertThat(recorded.since(before).stream().filter(v -> v.reader().equals(ReaderKey.browser(browser))).count())
                .isBetween(1L, hoursSince(before));
        assertThat(recorded.history(ReaderKey.browser(browser))).containsExactly(free);
    }

    @Test
    void viewsWithoutAnyIdCountOncePerClientNetworkArticleAndHourAndKeepNoAddress() throws Exception {
        Instant before = Instant.now();

        for (String loopback : List.of("127.0.0.2", "127.0.0.3")) {
            for (int i = 0; i < 4; i++) {
                assertThat(viewFrom(loopback, free)).isEqualTo(200);
            }
        }

        List<View> anonymous = recorded.since(before).stream()
                .filter(v -> v.slug().equals(free) && v.reader().isAnonymous() && !v.at().isBefore(before.truncatedTo(ChronoUnit.MILLIS)))
                .toList();
        assertThat(anonymous.stream().map(View::reader).distinct().count()).as("one reader per address")
                .isBetween(2L, 2 * hoursSince(before));
        assertThat(anonymous).hasSizeBetween(2, (int) (2 * hoursSince(before)));
        assertThat(anonymous).noneMatch(v -> v.reader().value().contains("127."));
    }

    private APIGatewayV2HTTPEvent viewEvent(String slug, Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        allHeaders.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("POST /articles/{slug}/views").withRawPath("/articles/" + slug + "/views")
                .withHeaders(allHeaders).withPathParameters(Map.of("slug", slug)).withBody("{}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString()).withRouteKey("POST /articles/{slug}/views")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/articles/" + slug + "/views").withSourceIp(OTHER_CLIENT).withProtocol("HTTP/1.1").build())
                        .build())
                .build();
    }

    private JsonNode access(ViewsHandler handler, APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Json.mapper().readTree(response.getBody()).path("access");
    }

    @Test
    void beyondItsCeilingAClientsViewsAreAnsweredAndUnlockButNoLongerCount() throws Exception {
        SamTemplate.Function views = stack.cloud().template().functions().stream()
                .filter(f -> f.logicalId().equals("ViewsFunction")).findFirst().orElseThrow();
        Map<String, String> environment = new HashMap<>(stack.cloud().environmentOf(views));
        environment.put("VIEWS_PER_IP_PER_MINUTE", CEILING);
        ViewsHandler handler = new ViewsHandler(environment, stack.cloud().clock());
        List<String> browsers = new ArrayList<>();
        Instant before = Instant.now();

        for (int i = 0; i < 12; i++) {
            String browser = UUID.randomUUID().toString();
            browsers.add(browser);
            assertThat(access(handler, viewEvent(free, Map.of("x-reader-id", browser))).path("granted").asBoolean()).isTrue();
        }
        PaywallReaders.SignedIn reader = readers.activated();
        JsonNode unlocked = access(handler, viewEvent(metered, Map.of("authorization", reader.authorization())));

        Map<Instant, Long> countedPerMinute = recorded.since(before).stream()
                .filter(v -> browsers.stream().anyMatch(b -> v.reader().equals(ReaderKey.browser(b))))
                .collect(Collectors.groupingBy(v -> v.at().truncatedTo(ChronoUnit.MINUTES), Collectors.counting()));
        assertThat(countedPerMinute.values()).isNotEmpty().allMatch(n -> n <= Integer.parseInt(CEILING));
        assertThat(countedPerMinute.values().stream().mapToLong(Long::longValue).sum()).isLessThan(browsers.size());
        assertThat(unlocked.path("granted").asBoolean()).as("the ceiling never touches the unlock").isTrue();
        assertThat(unlocked.path("meter").path("used").asInt()).isEqualTo(1);
    }
}
