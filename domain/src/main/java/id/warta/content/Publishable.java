package id.warta.content;

import java.time.Instant;

/** What the newsroom publishes (an article, a video): readers see it from its publication time on. */
public interface Publishable {

    Instant publishedAt();
}
