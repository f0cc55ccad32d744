package id.warta.content;

/** "Pilihan Editor": the piece an editor attached to an article, kept with its title so a read needs no second lookup. */
public record EditorsPick(String slug, String title) {
}
