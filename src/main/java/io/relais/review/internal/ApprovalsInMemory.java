package io.relais.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.Revisions;
import io.relais.engine.HtmlBlocks;
import io.relais.terminology.TranslationMemory;
import io.relais.translation.Translation;
import io.relais.translation.TranslationChanged;
import io.relais.translation.TranslationState;

/**
 * The translation memory says what the approvals in force say: an approval remembers its text, and one taken back
 * (undone, rejected, re-translated, withdrawn or sent back to the batch by an operator) or corrected (a published
 * correction) forgets the text it had. Heard in the change's transaction, whoever made it (the review desk or the
 * console), so that the memory and the translations commit together.
 */
@Component
class ApprovalsInMemory {

    private final Articles articles;
    private final Revisions revisions;
    private final TranslationMemory memory;
    private final WordCompletions completions;

    ApprovalsInMemory(Articles articles, Revisions revisions, TranslationMemory memory, WordCompletions completions) {
        this.articles = articles;
        this.revisions = revisions;
        this.memory = memory;
        this.completions = completions;
    }

    @EventListener
    void follow(TranslationChanged change) {
        Translation before = change.before();
        Translation after = change.after();
        boolean was = before.state() == TranslationState.APPROVED;
        boolean is = after.state() == TranslationState.APPROVED;
        boolean sameApprovedText = was && is && Objects.equals(before.title(), after.title())
                && Objects.equals(before.body(), after.body());
        if (!was && !is || sameApprovedText) {
            return;
        }
        Revisions.Text french = frenchOf(after);
        if (was) {
            // an approval taken back: its texts leave the memory, unless another approval in force gave a segment the
            // same text (then the newest text still approved is given)
            segments(french, before).forEach((segment, text) -> memory.forgetApproved(segment,
                    Article.SOURCE_LANGUAGE, before.lang(), text));
        }
        if (is) {
            // an approved text is what editors want: the title, and the body paragraph by paragraph
            segments(french, after).forEach((segment, text) -> memory.rememberApproved(segment,
                    Article.SOURCE_LANGUAGE, after.lang(), text));
            completions.newsroomWrote(after.lang());
        }
    }

    /** The French the translation was made from: its own revision's, not the article's latest. */
    private Revisions.Text frenchOf(Translation t) {
        return revisions.find(t.articleId(), t.revision()).orElseGet(() -> {
            Article current = articles.find(t.articleId()).orElseThrow();
            return new Revisions.Text(current.revision(), current.title(), current.summary(), current.body());
        });
    }

    /** French segment to its approved text: the title, and the body's blocks when both have as many. */
    private static Map<String, String> segments(Revisions.Text source, Translation approved) {
        Map<String, String> segments = new LinkedHashMap<>();
        segments.put(source.title(), approved.title());
        List<String> sourceBlocks = HtmlBlocks.split(source.body());
        List<String> targetBlocks = HtmlBlocks.split(approved.body());
        if (sourceBlocks.size() == targetBlocks.size()) {
            for (int i = 0; i < sourceBlocks.size(); i++) {
                segments.put(sourceBlocks.get(i), targetBlocks.get(i));   // a repeated block: its last text, as before
            }
        }
        return segments;
    }
}
