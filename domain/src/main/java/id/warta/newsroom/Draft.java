package id.warta.newsroom;

import id.warta.errors.FieldProblems;

/** What the newsroom is sent to publish under a key (an article's slug, a video's id), before its rules are checked. */
public interface Draft {

    /** Adds a problem for every field that breaks a rule (the key is checked too). */
    void validate(String key, FieldProblems problems);
}
