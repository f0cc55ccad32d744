package id.warta.activity;

import id.warta.reader.ReaderKey;

import java.time.Instant;

/** One counted view of an article (bots are never recorded). */
public record View(String slug, ReaderKey reader, Instant at) {
}
