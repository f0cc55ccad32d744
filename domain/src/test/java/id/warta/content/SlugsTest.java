package id.warta.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void aPublishableSlugIsLowerCaseWordsJoinedBySingleHyphensOfAtMost120Characters() {
        assertThat(Slugs.isPublishable("banjir-demak-2026")).isTrue();
        assertThat(Slugs.isPublishable("a".repeat(120))).isTrue();
        assertThat(Slugs.isPublishable("a".repeat(121))).isFalse();
        assertThat(Slugs.isPublishable("")).isFalse();
        assertThat(Slugs.isPublishable("Banjir-Demak")).isFalse();
        assertThat(Slugs.isPublishable("-banjir")).isFalse();
        assertThat(Slugs.isPublishable("banjir--demak")).isFalse();
        assertThat(Slugs.isPublishable("banjir_demak")).isFalse();
    }

    @Test
    void aSlugFromATitleDropsAccentsAndPunctuationAndCutsAtAWordBoundary() {
        assertThat(Slugs.from("Harga Beras Naik 10%, Pedagang: \"Pembeli Sepi\"")).isEqualTo("harga-beras-naik-10-pedagang-pembeli-sepi");
        assertThat(Slugs.from("  Café Über Jakarta — Édisi Khusus ")).isEqualTo("cafe-uber-jakarta-edisi-khusus");
        assertThat(Slugs.from("!!!")).isEmpty();
        String longTitle = "kata ".repeat(40);
        String slug = Slugs.from(longTitle);
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_PUBLISHED_LENGTH).endsWith("kata");
        assertThat(Slugs.isPublishable(slug)).isTrue();
    }
}
