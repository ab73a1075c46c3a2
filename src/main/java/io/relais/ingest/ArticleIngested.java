package io.relais.ingest;

/** Published when an article is stored for the first time or as a new revision. */
public record ArticleIngested(long articleId, int revision, boolean newRevision) {
}
