package id.warta.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/**
 * The naive peer: GET /articles/{slug} written the way common samples write it — the enhanced
 * client with a bean schema built by reflection, the SDK's default HTTP client, default region and
 * credential chains, and an ObjectMapper per handler with default settings. Same table, same item.
 */
public class NaiveArticleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbTable<ArticleBean> table = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(DynamoDbClient.create())
            .build()
            .table(System.getenv("CONTENT_TABLE"), TableSchema.fromBean(ArticleBean.class));
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            String slug = event.getPathParameters().get("slug");
            ArticleBean article = table.getItem(Key.builder().partitionValue("ARTICLE#" + slug).build());
            if (article == null) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(404)
                        .withBody(mapper.writeValueAsString(Map.of("error", "not found"))).build();
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(mapper.writeValueAsString(article)).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withBody(e.getMessage()).build();
        }
    }
}
