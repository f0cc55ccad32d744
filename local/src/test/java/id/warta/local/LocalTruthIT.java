package id.warta.local;

import id.warta.content.Article;
import id.warta.content.Video;
import id.warta.dynamo.DynamoContentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local tools tell the truth: bin/invoke sends the links bin/dev would (never to the production
 * SiteUrl), and seeding again keeps the publication times readers already saw.
 */
class LocalTruthIT {
    private final TestStack stack = TestStack.shared();

    @Test
    void binInvokeUsesTheEmulatorsAndParametersOfTheRunningBinDev(@TempDir Path root) throws IOException {
        Map<String, String> devParameters = Map.of("SiteUrl", "http://127.0.0.1:4321", "SiteOrigin", "http://localhost:4321",
                "GoogleClientIds", "warta-local");
        Path file = root.resolve(DevEndpoints.FILE);
        Files.createDirectories(file.getParent());
        DevEndpoints.write(file, stack.cloud().emulators().dynamoDbEndpoint(), stack.cloud().emulators().sesEndpoint(),
                devParameters);

        DevEndpoints.Running running = DevEndpoints.running(root).orElseThrow();

        assertThat(running.emulators().dynamoDbEndpoint()).isEqualTo(stack.cloud().emulators().dynamoDbEndpoint());
        assertThat(running.emulators().sesEndpoint()).isEqualTo(stack.cloud().emulators().sesEndpoint());
        assertThat(Invoke.parameters(Optional.of(running))).isEqualTo(devParameters);
    }

    @Test
    void withoutBinDevTheMailerOfBinInvokeLinksToTheLocalSiteBinDevWouldServe() {
        Map<String, String> parameters = Invoke.parameters(Optional.empty());
        Emulators shared = Emulators.external(stack.cloud().root(), stack.cloud().emulators().dynamoDbEndpoint(),
                stack.cloud().emulators().sesEndpoint());

        try (LocalCloud cloud = LocalCloud.start(stack.cloud().root(), shared, parameters, Map.of())) {
            SamTemplate.Function mailer = cloud.template().functions().stream()
                    .filter(f -> f.logicalId().equals("ActivationMailerFunction")).findFirst().orElseThrow();

            assertThat(cloud.environmentOf(mailer)).containsEntry("SITE_URL", LocalSite.siteUrl(LocalSite.sitePort()));
        }
        assertThat(parameters).isEqualTo(LocalSite.parameters(LocalSite.port(), LocalSite.sitePort()));
    }

    @Test
    void seedingAgainKeepsEveryStoredPublicationTime() {
        DynamoContentRepository content = new DynamoContentRepository(stack.cloud().dynamo(), Seeder.CONTENT_TABLE);
        Map<String, Instant> articleTimes = stack.seeded().articles().stream()
                .collect(Collectors.toMap(Article::slug, article -> article.summary().publishedAt()));
        Map<String, Instant> videoTimes = stack.seeded().videos().stream()
                .collect(Collectors.toMap(Video::id, Video::publishedAt));

        Seeder.Seeded again = Seeder.seed(stack.cloud().dynamo(), Seeder.CONTENT_TABLE, Instant.now().plus(Duration.ofHours(3)));

        assertThat(again.articles().stream().collect(Collectors.toMap(Article::slug, a -> a.summary().publishedAt())))
                .isEqualTo(articleTimes);
        for (String slug : articleTimes.keySet()) {
            assertThat(content.findArticle(slug).orElseThrow().summary().publishedAt()).as(slug).isEqualTo(articleTimes.get(slug));
        }
        assertThat(content.latestVideos(100).stream().collect(Collectors.toMap(Video::id, Video::publishedAt)))
                .isEqualTo(videoTimes);
        assertThat(again.videos().stream().collect(Collectors.toMap(Video::id, Video::publishedAt))).isEqualTo(videoTimes);
    }
}
