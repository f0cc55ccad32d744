package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The API Gateway HTTP API payload format 2.0 event for one request, as documented in "Working with
 * AWS Lambda proxy integrations for HTTP APIs": header names lower case with repeated headers joined
 * by commas, cookies only in {@code cookies}, repeated query parameters joined by commas,
 * {@code rawPath} and {@code rawQueryString} as they arrived, path parameters decoded, and a body
 * that is not UTF-8 text base64-encoded.
 */
final class HttpApiEvents {
    static final String ACCOUNT_ID = "000000000000";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /**
     * The query string decoded strictly as UTF-8 (names in order of first appearance, every value of
     * a repeated name kept), or an IllegalArgumentException for a bad percent-escape or invalid UTF-8.
     */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        Fields fields = new Fields();
        UrlEncoded.decodeUtf8To(rawQuery, 0, rawQuery.length(), fields);
        fields.forEach(field -> query.put(field.getName(), List.copyOf(field.getValues())));
        return query;
    }

    static APIGatewayV2HTTPEvent build(Request request, RouteTable.Match match, Map<String, List<String>> query,
                                       byte[] body, APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            String name = field.getLowerCaseName();
            if (name.equals("cookie")) {
                for (String cookie : field.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
            } else {
                headers.merge(name, field.getValue(), (first, next) -> first + "," + next);
            }
        }
        Map<String, String> joinedQuery = new LinkedHashMap<>();
        query.forEach((name, values) -> joinedQuery.put(name, String.join(",", values)));
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        String text = utf8(body);
        String domainName = Request.getServerName(request);
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(joinedQuery.isEmpty() ? null : joinedQuery)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(match.route().routeKey())
                        .withRequestId(UUID.randomUUID().toString())
                        .withAccountId(ACCOUNT_ID)
                        .withApiId("local")
                        .withStage("$default")
                        .withDomainName(domainName)
                        .withDomainPrefix(domainName.split("\\.", 2)[0])
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.getMethod())
                                .withPath(rawPath)
                                .withProtocol(request.getConnectionMetaData().getProtocol())
                                .withSourceIp(Request.getRemoteAddr(request))
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
