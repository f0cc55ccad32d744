package id.warta.site;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.Edition;
import id.warta.json.Json;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLdTest {
    private static final Instant PUBLISHED = Instant.parse("2026-12-04T03:10:00Z");
    private static final Article ARTICLE = SampleContent.article("banjir-demak", "nasional", Edition.WEB, false, PUBLISHED);

    private static JsonNode newsArticle(Article article) throws Exception {
        return Json.mapper().readTree(JsonLd.newsArticle(article, SiteFixture.SITE + "/nasional/banjir-demak", SiteFixture.SITE));
    }

    @Test
    void aNeverCorrectedArticleWasLastModifiedWhenItWasPublished() throws Exception {
        JsonNode ld = newsArticle(ARTICLE);

        assertThat(ld.path("datePublished").asText()).isEqualTo("2026-12-04T10:10:00+07:00");
        assertThat(ld.path("dateModified").asText()).isEqualTo("2026-12-04T10:10:00+07:00");
    }

    @Test
    void aCorrectedArticleWasLastModifiedAtItsCorrection() throws Exception {
        Article corrected = new Article(ARTICLE.summary(), ARTICLE.reporter(), ARTICLE.editor(), ARTICLE.sources(),
                ARTICLE.editorsPick(), ARTICLE.body(), PUBLISHED.plus(Duration.ofMinutes(95)));

        JsonNode ld = newsArticle(corrected);

        assertThat(ld.path("datePublished").asText()).isEqualTo("2026-12-04T10:10:00+07:00");
        assertThat(ld.path("dateModified").asText()).isEqualTo("2026-12-04T11:45:00+07:00");
    }
}
