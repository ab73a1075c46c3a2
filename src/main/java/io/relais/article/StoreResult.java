package io.relais.article;

/** What storing an article did: a new article, a new revision of a known one, or nothing. */
public record StoreResult(long articleId, int revision, Outcome outcome) {

    public enum Outcome { CREATED, REVISED, UNCHANGED }

    public boolean changed() {
        return outcome != Outcome.UNCHANGED;
    }
}
