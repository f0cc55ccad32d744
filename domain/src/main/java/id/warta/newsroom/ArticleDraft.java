package id.warta.newsroom;

import id.warta.content.Edition;
import id.warta.content.Image;
import id.warta.content.Slugs;
import id.warta.errors.FieldProblems;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An article as the newsroom sends it (the body of {@code PUT /admin/articles/{slug}}). Fields that
 * were missing or of the wrong type are null here; {@link #validate} names what each must be.
 *
 * @param publishAt   when readers may first see it; null for now
 * @param editorsPick the slug of the published article shown as this one's "Pilihan Editor", or null
 */
public record ArticleDraft(String title, String summary, String section, String edition, Boolean coverStory,
                           Boolean sponsored, String reporter, String editor, List<String> sources, List<String> tags,
                           Image image, List<String> body, Instant publishAt, String editorsPick) implements Draft {
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_SOURCES = 10;
    static final int MAX_TAGS = 20;
    static final int MAX_LABEL = 60;
    static final int MAX_PARAGRAPHS = 200;
    static final int MAX_PARAGRAPH = 10_000;
    static final int MAX_URL = 2000;
    /** A section is a path segment of the site (/{section}/{slug}): the slug alphabet, and never long. */
    private static final Pattern SECTION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SECTION = 64;
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s]+");

    public ArticleDraft {
        sources = sources == null ? null : List.copyOf(sources);
        tags = tags == null ? null : List.copyOf(tags);
        body = body == null ? null : List.copyOf(body);
    }

    public Optional<Edition> knownEdition() {
        return Optional.ofNullable(edition).flatMap(Edition::fromWireName);
    }

    /** Adds a problem for every field that breaks a rule (the slug is checked as the field {@code slug}). */
    @Override
    public void validate(String slug, FieldProblems problems) {
        if (!Slugs.isPublishable(slug)) {
            problems.add("slug", "1.." + Slugs.MAX_PUBLISHED_LENGTH + " karakter a-z, 0-9 dan tanda hubung di antara kata");
        }
        text(problems, "title", title, MAX_TITLE);
        text(problems, "summary", summary, MAX_SUMMARY);
        if (text(problems, "section", section, MAX_SECTION) && !SECTION.matcher(section).matches()) {
            problems.add("section", "huruf kecil a-z, angka dan tanda hubung");
        }
        if (edition == null || knownEdition().isEmpty()) {
            problems.add("edition", "salah satu dari web, koran, majalah");
        }
        if (coverStory == null) {
            problems.add("coverStory", "harus true atau false");
        } else if (coverStory && knownEdition().filter(e -> e == Edition.WEB).isPresent()) {
            problems.add("coverStory", "laporan utama hanya ada di edisi koran atau majalah");
        }
        if (sponsored == null) {
            problems.add("sponsored", "harus true atau false");
        }
        text(problems, "reporter", reporter, MAX_NAME);
        text(problems, "editor", editor, MAX_NAME);
        labels(problems, "sources", sources, MAX_SOURCES);
        labels(problems, "tags", tags, MAX_TAGS);
        if (image != null) {
            image(problems, "image", image);
        }
        if (body == null || body.isEmpty()) {
            problems.add("body", "minimal satu paragraf");
        } else if (body.size() > MAX_PARAGRAPHS) {
            problems.add("body", "maksimal " + MAX_PARAGRAPHS + " paragraf");
        } else if (body.stream().anyMatch(p -> p == null || p.isBlank() || p.length() > MAX_PARAGRAPH)) {
            problems.add("body", "setiap paragraf berisi teks, maksimal " + MAX_PARAGRAPH + " karakter");
        }
        if (editorsPick != null && (!Slugs.isValid(editorsPick) || editorsPick.equals(slug))) {
            problems.add("editorsPick", "slug artikel lain yang sudah terbit");
        }
    }

    /** A required text of 1..max characters that is not only spaces; whether it is one. */
    static boolean text(FieldProblems problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field, FieldProblems.REQUIRED);
            return false;
        }
        if (value.length() > max) {
            problems.add(field, "maksimal " + max + " karakter");
            return false;
        }
        return true;
    }

    /** An image's fields: a web address, a caption and a credit (named {@code field.url} and so on). */
    static void image(FieldProblems problems, String field, Image image) {
        url(problems, field + ".url", image.url());
        text(problems, field + ".caption", image.caption(), MAX_SUMMARY);
        text(problems, field + ".credit", image.credit(), MAX_NAME);
    }

    static void url(FieldProblems problems, String field, String value) {
        if (value == null || value.length() > MAX_URL || !WEB_URL.matcher(value).matches()) {
            problems.add(field, "alamat http(s) lengkap");
        }
    }

    private static void labels(FieldProblems problems, String field, List<String> values, int maxCount) {
        if (values == null) {
            problems.add(field, "daftar teks (boleh kosong)");
        } else if (values.size() > maxCount) {
            problems.add(field, "maksimal " + maxCount + " butir");
        } else if (values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > MAX_LABEL)) {
            problems.add(field, "setiap butir berisi teks, maksimal " + MAX_LABEL + " karakter");
        }
    }
}
