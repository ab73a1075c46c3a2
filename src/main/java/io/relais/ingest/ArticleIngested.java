package io.relais.ingest;

/**
 * Published when an article is stored for the first time or as a new revision, in the transaction that stored it;
 * listeners ({@code @ApplicationModuleListener}) get it after the commit.
 */
public record ArticleIngested(long articleId, int revision, boolean newRevision) {
}
