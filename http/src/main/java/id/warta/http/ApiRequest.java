package id.warta.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.warta.content.Slugs;
import id.warta.errors.ArticleNotFound;
import id.warta.errors.ValidationFailed;
import id.warta.json.Json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** An API Gateway (payload 2.0) request, normalised once: lower-case headers, decoded and size-checked body. */
public final class ApiRequest {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * The longest path or query parameter any route accepts (slugs are at most 200 characters, a
     * listing cursor 512). Longer values are refused here, before any route can build a key of one:
     * DynamoDB refuses keys over 2,048 bytes with an error that would otherwise surface as a 500.
     */
    public static final int MAX_PARAMETER_LENGTH = 512;
    /** The longest textual IPv6 address (with an IPv4 tail). */
    private static final int MAX_ADDRESS_LENGTH = 45;

    /**
     * The only request media type: JSON in UTF-8, the one encoding the body is read in. A browser can
     * send text/plain, form-encoded or multipart bodies cross-site without a CORS preflight; a JSON
     * body it can only send after one, which only the site's origin passes.
     */
    private static final Pattern JSON_MEDIA_TYPE = Pattern.compile(
            "application/json[ \\t]*(;[ \\t]*charset[ \\t]*=[ \\t]*(utf-8|\"utf-8\")[ \\t]*)?", Pattern.CASE_INSENSITIVE);

    private final String routeKey;
    private final String requestId;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final byte[] body;
    private final String sourceIp;
    private final List<String> cookies;

    private ApiRequest(String routeKey, String requestId, Map<String, String> headers, Map<String, String> pathParameters,
                       Map<String, String> query, byte[] body, String sourceIp, List<String> cookies) {
        this.routeKey = routeKey;
        this.cookies = cookies;
        this.requestId = requestId;
        this.sourceIp = sourceIp;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.query = query;
        this.body = body;
    }

    /** Reads the event; a body that is too large or not decodable is the client's mistake, reported as such. */
    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String requestId = context == null ? null : context.getRequestId();
        String sourceIp = context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
        return new ApiRequest(
                event.getRouteKey() == null ? "$default" : event.getRouteKey(),
                requestId == null ? "-" : requestId,
                Map.copyOf(headers),
                event.getPathParameters() == null ? Map.of() : copyWithoutNulls(event.getPathParameters()),
                event.getQueryStringParameters() == null ? Map.of() : copyWithoutNulls(event.getQueryStringParameters()),
                decodeBody(event.getBody(), event.getIsBase64Encoded()),
                sourceIp == null || sourceIp.isBlank() || sourceIp.length() > MAX_ADDRESS_LENGTH ? null : sourceIp,
                event.getCookies() == null ? List.of() : event.getCookies().stream().filter(Objects::nonNull).toList());
    }

    private static Map<String, String> copyWithoutNulls(Map<String, String> source) {
        Map<String, String> copy = new HashMap<>();
        source.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Map.copyOf(copy);
    }

    private static byte[] decodeBody(String body, boolean base64) {
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        // A base64 body is 4/3 of its bytes; checking the encoded length first avoids decoding a huge one.
        if ((long) body.length() > (base64 ? MAX_BODY_BYTES * 4L / 3 + 4 : MAX_BODY_BYTES * 3L)) {
            throw tooLarge();
        }
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiException.of(ErrorCode.BAD_REQUEST, "Isi permintaan tidak dapat dibaca.");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    private static ApiException tooLarge() {
        return ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "Isi permintaan melebihi 64 KiB.");
    }

    public String routeKey() {
        return routeKey;
    }

    public String requestId() {
        return requestId;
    }

    /**
     * The client's address as API Gateway saw the connection ({@code requestContext.http.sourceIp}; not
     * X-Forwarded-For, which the client writes itself). Empty only for events that did not come from it.
     */
    public Optional<String> sourceIp() {
        return Optional.ofNullable(sourceIp);
    }

    /**
     * The value of the request's cookie {@code name} (payload 2.0 gives the cookies as {@code name=value}
     * entries, apart from the headers); the first one when the browser sends several.
     */
    public Optional<String> cookie(String name) {
        String prefix = name + "=";
        return cookies.stream().map(String::strip).filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length())).findFirst();
    }

    /**
     * Refuses (403 FORBIDDEN) a request whose {@code Origin} names another site than {@code siteOrigin}:
     * a cross-site request forgery guard for routes that act on a cookie. A request without
     * {@code Origin} is not a cross-site browser request and passes.
     */
    public void requireSameOrigin(String siteOrigin) {
        if (header("origin").filter(origin -> !origin.equals(siteOrigin)).isPresent()) {
            throw ApiException.of(ErrorCode.FORBIDDEN, "Permintaan dari situs lain ditolak.");
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The path parameter; absent or longer than any resource name is 404, since it names nothing. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.length() > MAX_PARAMETER_LENGTH) {
            throw ApiException.of(ErrorCode.NOT_FOUND, "Alamat tidak ditemukan.");
        }
        return value;
    }

    /**
     * The {@code slug} path parameter of the article routes. A value no article can have (the wrong
     * shape, or longer than any slug) is an unknown article, 404 ARTICLE_NOT_FOUND as the contract
     * says, answered without building a key of it.
     */
    public String slug() {
        String slug = pathParameters.get("slug");
        if (!Slugs.isValid(slug)) {
            throw new ArticleNotFound();
        }
        return slug;
    }

    /** The query parameter; one longer than any route accepts is 400 VALIDATION_FAILED. */
    public Optional<String> query(String name) {
        String value = query.get(name);
        if (value != null && value.length() > MAX_PARAMETER_LENGTH) {
            throw new ValidationFailed(Map.of(name, "maksimal " + MAX_PARAMETER_LENGTH + " karakter"));
        }
        return Optional.ofNullable(value);
    }

    /** A request with a body must declare it as {@code application/json} (optionally {@code ; charset=utf-8}), else 415. */
    public void requireJsonMediaType() {
        String contentType = headers.get("content-type");
        if (body.length > 0 && (contentType == null || !JSON_MEDIA_TYPE.matcher(contentType.strip()).matches())) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Isi permintaan harus dikirim sebagai application/json (UTF-8).");
        }
    }

    /**
     * The body as a JSON object. An empty body is an empty object only where the route allows it;
     * anything that is not valid UTF-8 JSON holding one object, or that repeats a key in any object,
     * is 400 BAD_REQUEST.
     */
    public ObjectNode jsonObject(boolean emptyAllowed) {
        Optional<String> text = jsonText(emptyAllowed);
        if (text.isEmpty()) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(text.get());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw badJson();
        }
        throw badJson();
    }

    /**
     * Refuses the body as {@link #jsonObject} does, for a route that reads nothing from it: checked
     * with the streaming parser, without building a tree (nor loading what builds one).
     */
    public void requireJsonObject(boolean emptyAllowed) {
        Optional<String> text = jsonText(emptyAllowed);
        if (text.isPresent() && !Json.isOneObject(text.get())) {
            throw badJson();
        }
    }

    /** The body as UTF-8 text; empty for an empty or blank body where the route allows one. */
    private Optional<String> jsonText(boolean emptyAllowed) {
        if (body.length == 0) {
            if (emptyAllowed) {
                return Optional.empty();
            }
            throw badJson();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw badJson();
        }
        if (text.isBlank() && emptyAllowed) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static ApiException badJson() {
        return ApiException.of(ErrorCode.BAD_REQUEST, "Isi permintaan harus berupa satu objek JSON yang valid, tanpa kunci ganda.");
    }
}
