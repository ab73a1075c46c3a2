package io.relais.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.NodeTraversor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.relais.article.ArticleTraces;
import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.StoreResult;
import io.relais.ingest.internal.BidiControls;
import io.relais.ingest.internal.FrenchLanguageGate;
import io.relais.ingest.internal.LinkPolicy;
import io.relais.ingest.internal.XmlSafeText;
import io.relais.article.HtmlSanitizer;

/**
 * The gate every way in ends in (feeds, fetched pages, inbox files, the push API): removes what XML cannot carry
 * from every text field and bidirectional controls from the plain-text ones (title, summary, author, categories),
 * checks the article's link (http or https only, no bidirectional control), that it has a title and text, that it is
 * French, sanitises its HTML, stores it (a known article with changed content becomes a new revision, an unchanged
 * one is a no-op) and announces it ({@link ArticleIngested}, in the storing transaction: recorded in the event
 * publication registry with the article and handed to listeners once it committed). A refused article throws {@link IngestRejectedException} with the reason and
 * the raw payload; the error handling of the way in records the dead letter.
 */
@Service
public class ArticleIngestor {

    static final int MAX_TITLE = 1000;

    /** Longer author fields (a feed that puts a whole byline paragraph there) are cut. */
    static final int MAX_AUTHOR = 200;

    /** What the store keeps of an external id (GUID, link); a longer one is replaced by its SHA-256. */
    static final int MAX_EXTERNAL_ID = 2000;
    private static final int MIN_WORDS = 3;
    /** Longest article accepted, in words: one article must not occupy the localize job while others wait. */
    static final int MAX_WORDS = 20_000;
    /**
     * Most top-level blocks (paragraphs, headings, lists, empty ones too) an article's body may have: each is a segment
     * to translate and a cell of the workbench (an inbox page of 200,000 nested divs was stored as 199,491 empty ones).
     */
    static final int MAX_BLOCKS = 2_000;
    /** Deepest nesting of elements in an article's body (a news article's markup is a few levels deep). */
    static final int MAX_DEPTH = 100;

    private final Articles articles;
    private final HtmlSanitizer sanitizer;
    private final FrenchLanguageGate languageGate;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ArticleTraces traces;

    ArticleIngestor(Articles articles, HtmlSanitizer sanitizer, FrenchLanguageGate languageGate,
                    ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this(articles, sanitizer, languageGate, events, transactions, ArticleTraces.untraced());
    }

    @Autowired
    ArticleIngestor(Articles articles, HtmlSanitizer sanitizer, FrenchLanguageGate languageGate,
                    ApplicationEventPublisher events, PlatformTransactionManager transactions, ArticleTraces traces) {
        this.transaction = new TransactionTemplate(transactions);
        this.articles = articles;
        this.sanitizer = sanitizer;
        this.languageGate = languageGate;
        this.events = events;
        this.traces = traces;
    }

    /**
     * Checks, stores and announces one article. The checks run before any transaction (the language gate takes a
     * while); storing and announcing share one. The same article arriving twice at once (a client retrying, two
     * pushes of one item) is stored once: the second insert meets the unique key, and its transaction is done again
     * against the row the first committed — answered as a known article (unchanged, or a new revision), not an error.
     */
    public StoreResult ingest(IncomingArticle received) {
        // the article's trace starts here, whichever way it came in (a child of the push request's own span)
        return traces.atTheDoor("relais.article.ingest", Map.of("relais.source", String.valueOf(received.sourceId())),
                () -> store(received));
    }

    private StoreResult store(IncomingArticle received) {
        IncomingArticle in = xmlSafe(received);
        Optional<String> badLink = LinkPolicy.refusal(in.url());
        if (badLink.isPresent()) {
            throw new IngestRejectedException(badLink.get(), in.origin(), payloadOf(received), in.rawContentType());
        }
        // once more after HTML decoding: an entity such as &#1; only becomes the character here
        String body = XmlSafeText.clean(sanitizer.sanitize(in.bodyHtml(), in.url()));
        String title = in.title() == null ? "" : plainText(in.title());
        String summary = in.summary() == null ? null : plainText(in.summary());
        String bodyText = sanitizer.text(body);
        if (bodyText.isBlank() && summary != null && !summary.isBlank()) {
            body = "<p>" + Entities.escape(summary) + "</p>";
            bodyText = summary;
        }

        Optional<String> refusal = refusal(title, bodyText, body);
        if (refusal.isPresent()) {
            throw new IngestRejectedException(refusal.get(), in.origin(), payloadOf(received), in.rawContentType());
        }
        NewArticle article = new NewArticle(in.sourceId(), externalId(in.externalId()), in.url(), title,
                summary == null || summary.isBlank() ? null : summary, body,
                author(in.author() == null ? null : plainText(in.author())), in.publishedAt(),
                payloadOf(received), in.rawContentType(), categories(in));
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> storeAndAnnounce(article));
            } catch (DuplicateKeyException storedMeanwhile) {
                if (attempt == 3 || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw storedMeanwhile;   // in a caller's transaction there is nothing to do again
                }
            }
        }
    }

    /**
     * Stored and announced together ({@link ArticleIngested}, in the storing transaction: recorded in the event
     * publication registry with the article and handed to listeners once it committed).
     */
    private StoreResult storeAndAnnounce(NewArticle article) {
        StoreResult stored = articles.store(article);
        if (stored.changed()) {
            traces.remember(stored.articleId());   // with the article, in its transaction: later stages continue it
            events.publishEvent(new ArticleIngested(stored.articleId(), stored.revision(),
                    stored.outcome() == StoreResult.Outcome.REVISED));
        }
        return stored;
    }

    /**
     * A plain-text field as stored: HTML decoded, without what XML cannot carry (an entity such as {@code &#1;} only
     * becomes the character here) and without bidirectional controls, which could show readers another text.
     */
    private String plainText(String field) {
        return BidiControls.strip(XmlSafeText.clean(sanitizer.text(field))).strip();
    }

    /** Every text field without the characters XML cannot carry: one place, whatever the way in. */
    private static IncomingArticle xmlSafe(IncomingArticle in) {
        return new IncomingArticle(in.sourceId(), XmlSafeText.clean(in.origin()), XmlSafeText.clean(in.externalId()),
                blankToNull(XmlSafeText.clean(in.url())), XmlSafeText.clean(in.title()), XmlSafeText.clean(in.summary()),
                XmlSafeText.clean(in.bodyHtml()), XmlSafeText.clean(in.author()), in.publishedAt(), in.rawPayload(),
                in.rawContentType(), in.categories().stream().map(XmlSafeText::clean).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Optional<String> refusal(String title, String bodyText, String body) {
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
        int words = bodyText.strip().split("\\s+").length;
        if (words > MAX_WORDS) {
            return Optional.of("too long: " + words + " words, the limit is " + MAX_WORDS
                    + " words per article; split it into several articles");
        }
        Element html = Jsoup.parseBodyFragment(body).body();
        if (html.childrenSize() > MAX_BLOCKS) {
            return Optional.of("too many blocks: " + html.childrenSize() + " paragraphs, headings or other blocks "
                    + "(empty ones included), the limit is " + MAX_BLOCKS + " per article");
        }
        int[] depth = {0};
        NodeTraversor.traverse((node, level) -> depth[0] = Math.max(depth[0], level), html);
        if (depth[0] > MAX_DEPTH) {
            return Optional.of("markup nested " + depth[0] + " levels deep, the limit is " + MAX_DEPTH);
        }
        return languageGate.refusal(title + ". " + bodyText);
    }

    private static String author(String author) {
        if (author == null || author.isBlank()) {
            return null;
        }
        String text = BidiControls.strip(author).strip();
        if (text.isEmpty()) {
            return null;
        }
        return cut(text, MAX_AUTHOR).strip();
    }

    /** At most {@code max} UTF-16 units, never half of a surrogate pair (an emoji cut in two is not XML). */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** The id an item is known by, within what the store keeps: a longer one by its hash, still one per item. */
    static String externalId(String externalId) {
        if (externalId == null || externalId.length() <= MAX_EXTERNAL_ID) {
            return externalId;
        }
        return "sha256:" + DigestUtils.sha256Hex(externalId);
    }

    /** Categories as plain text, trimmed, without duplicates: at most 20 of at most 100 characters. */
    private List<String> categories(IncomingArticle in) {
        return in.categories().stream().filter(c -> c != null).map(this::plainText)
                .filter(c -> !c.isEmpty()).map(c -> cut(c, 100))
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
