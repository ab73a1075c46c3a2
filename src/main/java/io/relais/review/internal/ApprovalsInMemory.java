package io.relais.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.article.Articles;
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
    private final TranslationMemory memory;
    private final WordCompletions completions;

    ApprovalsInMemory(Articles articles, TranslationMemory memory, WordCompletions completions) {
        this.articles = articles;
        this.memory = memory;
        this.completions = completions;
    }

    @EventListener
    void follow(TranslationChanged change) {
        Translation before = change.before();
        Translation after = change.after();
        boolean was = before.state() == TranslationState.APPROVED;
        boolean is = after.state() == TranslationState.APPROVED;
        if (was && is && Objects.equals(before.title(), after.title()) && Objects.equals(before.body(), after.body())) {
            return;
        }
        if (was) {
            forget(before);
        }
        if (is) {
            remember(after);
        }
    }

    /** An approved text is what editors want: the title, and the body paragraph by paragraph when they line up. */
    private void remember(Translation approved) {
        segments(approved).forEach((french, text) -> memory.rememberApproved(french, Article.SOURCE_LANGUAGE,
                approved.lang(), text));
        completions.newsroomWrote(approved.lang());
    }

    /**
     * An approval taken back: its texts leave the translation memory, unless another approval in force gave a segment
     * the same text or a later one replaced it.
     */
    private void forget(Translation approved) {
        segments(approved).forEach((french, text) -> memory.forgetApproved(french, Article.SOURCE_LANGUAGE,
                approved.lang(), text));
    }

    /** French segment to its approved text: the title, and the body's blocks when both have as many. */
    private Map<String, String> segments(Translation approved) {
        Article source = articles.find(approved.articleId()).orElseThrow();
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
