package id.warta.admin;

import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoNewsroomStore;
import id.warta.newsroom.Newsroom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The newsroom function's object graph, built once per container. */
public final class NewsroomWiring {
    private NewsroomWiring() {
    }

    /** The publishing rules over the ContentTable: also how the local seed writes its sample content. */
    public static Newsroom newsroom(DynamoDbClient dynamo, String contentTable, Clock clock) {
        return new Newsroom(new DynamoNewsroomStore(dynamo, contentTable),
                new DynamoContentRepository(dynamo, contentTable, clock), clock);
    }

    static NewsroomRoutes wire(NewsroomConfig config, DynamoDbClient dynamo, Clock clock) {
        return new NewsroomRoutes(newsroom(dynamo, config.contentTable(), clock), clock);
    }
}
