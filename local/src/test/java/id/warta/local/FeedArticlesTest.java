package id.warta.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed fields each article field comes from, on the project's two example feeds. */
class FeedArticlesTest {

    private static List<FeedArticles.Item> items(String feed) throws Exception {
        return FeedImport.items(ProjectRoot.find().resolve("fixtures/feeds/" + feed).toString(), "berita");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void anRssItemGetsItsSlugFromTheLinkItsBodyFromContentEncodedAndItsImageFromTheEnclosure() throws Exception {
        FeedArticles.Item wayang = items("budaya-rss.xml").getFirst();

        assertThat(wayang.slug()).isEqualTo("festival-wayang-kulit-tiga-malam");
        Map<String, Object> body = wayang.body();
        assertThat(body).containsEntry("title", "Festival Wayang Kulit Digelar Tiga Malam di Alun-Alun Kota")
                .containsEntry("summary", "Tiga dalang muda tampil bergantian membawakan lakon klasik.")
                .containsEntry("section", "budaya")
                .containsEntry("reporter", "Laras Wulandari")
                .containsEntry("tags", List.of("Budaya", "wayang"))
                .containsEntry("publishAt", "2024-08-17T12:30:00Z");
        assertThat((List<?>) body.get("body")).hasSize(3).last().asString().contains("Semar Mbangun Kahyangan");
        assertThat(map(body.get("image"))).containsEntry("url", "https://kabar-budaya.example/foto/wayang-alun-alun.jpg");
    }

    @Test
    void mediaRssGivesTheImageWithItsCaptionAndCreditAndADescriptionAloneIsTheBody() throws Exception {
        FeedArticles.Item sanggar = items("budaya-rss.xml").get(1);

        assertThat(sanggar.slug()).isEqualTo("sanggar-tari-iuran-anggota");
        assertThat(map(sanggar.body().get("image")))
                .containsEntry("url", "https://kabar-budaya.example/foto/sanggar-tari.jpg")
                .containsEntry("caption", "Anak-anak berlatih tari di pendapa sanggar.")
                .containsEntry("credit", "Kabar Budaya/Galih");
        assertThat(sanggar.body().get("body")).isEqualTo(List.of("Tanpa bantuan tetap, sanggar mengandalkan iuran dan pentas kecil."));
    }

    @Test
    void atomEntriesGiveHtmlAndPlainTextParagraphsAndAThumbnailImage() throws Exception {
        List<FeedArticles.Item> entries = items("kesehatan-atom.xml");

        assertThat(entries).extracting(FeedArticles.Item::slug)
                .containsExactly("posyandu-keliling-lereng-gunung", "cek-tekanan-darah-balai-desa");
        assertThat((List<?>) entries.getFirst().body().get("body")).hasSize(2);
        assertThat(map(entries.getFirst().body().get("image")))
                .containsEntry("url", "https://catatan-kesehatan.example/foto/posyandu-keliling.jpg");
        assertThat(entries.getFirst().body()).containsEntry("reporter", "Nadia Pramesti").containsEntry("section", "kesehatan");
        assertThat((List<?>) entries.get(1).body().get("body")).hasSize(2);
        assertThat(entries.get(1).body().get("image")).isNull();
    }

    @Test
    void withoutAUsableLinkTheSlugComesFromTheTitle() {
        assertThat(FeedArticles.slug("https://example.id/?p=123", "Harga Cabai Naik Lagi"))
                .isEqualTo("harga-cabai-naik-lagi");
        assertThat(FeedArticles.slug(null, "Harga Cabai Naik Lagi")).isEqualTo("harga-cabai-naik-lagi");
    }

    @Test
    void jsonLinesCarryTheSlugBesideThePutBody() throws Exception {
        List<FeedArticles.Item> items = FeedImport.jsonLines(List.of(
                "{\"slug\": \"satu\", \"title\": \"Satu\", \"body\": [\"a\"]}", "", "{\"slug\": \"dua\", \"title\": \"Dua\"}"));

        assertThat(items).extracting(FeedArticles.Item::slug).containsExactly("satu", "dua");
        assertThat(items.getFirst().body()).containsOnlyKeys("title", "body");
    }
}
