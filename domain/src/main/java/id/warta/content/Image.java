package id.warta.content;

public record Image(String url, String caption, String credit) {
}
