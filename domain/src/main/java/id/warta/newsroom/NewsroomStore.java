package id.warta.newsroom;

import id.warta.content.Article;
import id.warta.content.Video;

import java.util.List;

/** The newsroom's writes to content: the only writer of articles, videos and the editors' picks. */
public interface NewsroomStore {

    Shelf<Article> articles();

    Shelf<Video> videos();

    /** Replaces the ordered "Pilihan Editor" list. */
    void saveEditorsPicks(List<String> slugs);
}
