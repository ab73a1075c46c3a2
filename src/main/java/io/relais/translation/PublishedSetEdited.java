package io.relais.translation;

/**
 * An editor's action is changing what a language publishes (an approval, a correction, a rejection, an approval
 * undone, a re-translation), inside the action's transaction; {@link PublishedSetChanged} follows it after the
 * commit. Heard before the commit, in that transaction, so that the action and what the feeds publish commit
 * together: the action's answer then means the feeds follow it — a withdrawn translation is no longer served.
 * {@code articleId}: the article whose translation changed (what is logged then is that article's entries alone).
 */
public record PublishedSetEdited(String lang, long articleId) {
}
