package io.relais.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.StoreResult;
import io.relais.ingest.internal.FrenchLanguageGate;
import io.relais.article.HtmlSanitizer;

/**
 * The gate every route ends in: checks the article has a title and text, that it is French, sanitises its HTML,
 * stores it (a known article with changed content becomes a new revision, an unchanged one is a no-op) and
 * announces it. A refused article goes to the dead letters, and {@link IngestRejectedException} says why.
 */
@Service
public class ArticleIngestor {

    static final int MAX_TITLE = 1000;
    private static final int MIN_WORDS = 3;

    private final Articles articles;
    private final DeadLetters deadLetters;
    private final HtmlSanitizer sanitizer;
    private final FrenchLanguageGate languageGate;
    private final ApplicationEventPublisher events;

    ArticleIngestor(Articles articles, DeadLetters deadLetters, HtmlSanitizer sanitizer, FrenchLanguageGate languageGate,
                    ApplicationEventPublisher events) {
        this.articles = articles;
        this.deadLetters = deadLetters;
        this.sanitizer = sanitizer;
        this.languageGate = languageGate;
        this.events = events;
    }

    public StoreResult ingest(IncomingArticle in) {
        String body = sanitizer.sanitize(in.bodyHtml(), in.url());
        String title = in.title() == null ? "" : sanitizer.text(in.title()).strip();
        String summary = in.summary() == null ? null : sanitizer.text(in.summary()).strip();
        String bodyText = sanitizer.text(body);
        if (bodyText.isBlank() && summary != null && !summary.isBlank()) {
            body = "<p>" + org.jsoup.nodes.Entities.escape(summary) + "</p>";
            bodyText = summary;
        }

        Optional<String> refusal = refusal(title, bodyText);
        if (refusal.isPresent()) {
            long id = deadLetters.record(in.origin(), refusal.get(), payloadOf(in), in.rawContentType());
            throw new IngestRejectedException(refusal.get(), id);
        }
        StoreResult stored = articles.store(new NewArticle(in.sourceId(), in.externalId(), in.url(), title,
                summary == null || summary.isBlank() ? null : summary, body, in.author(), in.publishedAt(),
                payloadOf(in), in.rawContentType(), categories(in)));
        if (stored.changed()) {
            events.publishEvent(new ArticleIngested(stored.articleId(), stored.revision(),
                    stored.outcome() == StoreResult.Outcome.REVISED));
        }
        return stored;
    }

    private Optional<String> refusal(String title, String bodyText) {
        if (title.isBlank() && bodyText.isBlank()) {
            return Optional.of("empty: no title and no text");
        }
        if (title.isBlank()) {
            return Optional.of("no title");
        }
        if (title.length() > MAX_TITLE) {
            return Optional.of("title longer than " + MAX_TITLE + " characters");
        }
        if (bodyText.isBlank()) {
            return Optional.of("no text: the article has a title but no body or summary");
        }
        if (bodyText.split("\\s+").length < MIN_WORDS) {
            return Optional.of("too short to translate: fewer than " + MIN_WORDS + " words of text");
        }
        return languageGate.refusal(title + ". " + bodyText);
    }

    /** Categories as plain text, trimmed, without duplicates: at most 20 of at most 100 characters. */
    private List<String> categories(IncomingArticle in) {
        return in.categories().stream().filter(c -> c != null).map(c -> sanitizer.text(c).strip())
                .filter(c -> !c.isEmpty()).map(c -> c.length() > 100 ? c.substring(0, 100) : c)
                .distinct().limit(20).toList();
    }

    private static byte[] payloadOf(IncomingArticle in) {
        if (in.rawPayload() != null) {
            return in.rawPayload();
        }
        String text = (in.title() == null ? "" : in.title()) + "\n\n" + (in.bodyHtml() == null ? "" : in.bodyHtml());
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
