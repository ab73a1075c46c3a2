package io.relais.ingest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.article.StoreResult;
import io.relais.translation.Translation;
import io.relais.translation.Translations;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.IngestRejectedException;
import io.relais.http.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/articles} pushes a French article through the same gate as the other routes: 201 with its
 * location when new, 200 when known (unchanged, or stored as a new revision), 400 with field errors, 413 when too
 * large, 422 when the gate refuses it (the reason is in the dead letters too). {@code GET /api/articles/{id}} shows
 * the French original with the state of its translations.
 */
@RestController
@RequestMapping("/api/articles")
@Validated
class ArticlePushController {

    static final String SOURCE_URL = "api:";

    record PushedArticle(
            @NotBlank @Size(max = 1000) String title,
            @NotBlank String body,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
            @Size(max = 5000) String summary,
            @Size(max = 500) String author,
            OffsetDateTime published,
            @Size(max = 2000) String externalId,
            @Size(max = 20) List<@Size(max = 100) String> categories) {
    }

    /** What became of a pushed article, and where to see it. */
    record Pushed(long id, int revision, String outcome, String location) {
    }

    /** An article with the state of each of its translations. */
    record ArticleWithTranslations(Article article, List<TranslationSummary> translations) {
    }

    /** A translation's language, revision, state and score ({@code ""} while it has no score, as before records). */
    record TranslationSummary(String lang, int revision, String state, Object score) {

        static TranslationSummary of(Translation t) {
            return new TranslationSummary(t.lang(), t.revision(), t.state().name(),
                    t.qualityScore() == null ? "" : t.qualityScore());
        }
    }

    private final ArticleIngestor ingestor;
    private final Articles articles;
    private final Translations translations;
    private final Sources sources;
    private final IngestFailures failures;
    private final long maxBytes;

    ArticlePushController(ArticleIngestor ingestor, Articles articles, Translations translations, Sources sources,
                          IngestFailures failures, IngestSettings settings) {
        this.failures = failures;
        this.ingestor = ingestor;
        this.articles = articles;
        this.translations = translations;
        this.sources = sources;
        this.maxBytes = settings.maxBytes();
    }

    @PostMapping
    ResponseEntity<Pushed> push(HttpServletRequest request, @Valid @RequestBody PushedArticle pushed) {
        if (request.getContentLengthLong() > maxBytes || pushed.body().length() > maxBytes) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "article larger than " + maxBytes + " bytes");
        }
        Source source = sources.ensure(SOURCE_URL, Source.Kind.API, "Push API");
        String externalId = pushed.externalId() != null ? pushed.externalId()
                : pushed.url() != null ? pushed.url() : titleId(source, pushed.title());
        byte[] raw = (pushed.title() + "\n\n" + pushed.body()).getBytes(StandardCharsets.UTF_8);
        StoreResult result;
        try {
            result = ingestor.ingest(new IncomingArticle(source.id(), "POST /api/articles " + externalId,
                    externalId, pushed.url(), pushed.title(), pushed.summary(), pushed.body(), pushed.author(),
                    pushed.published(), raw, "application/json", pushed.categories()));
        } catch (IngestRejectedException e) {
            long deadLetter = failures.refused(e);   // the push API's error handling records it, as the routes' does
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), Map.of("deadLetter", deadLetter));
        }
        URI location = URI.create("/api/articles/" + result.articleId());
        Pushed body = new Pushed(result.articleId(), result.revision(), result.outcome().name(), location.toString());
        return result.outcome() == StoreResult.Outcome.CREATED
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    /**
     * The id of an article pushed without {@code externalId} or {@code url}: its title (the same title again is the
     * same article, or its new revision), as its SHA-256. It was the title's 32-bit {@code hashCode}, which two
     * different titles share easily ("…Aa" and "…BB"): the second article became a revision of the first. An article
     * stored under such an id before keeps it while its title is the same.
     */
    private String titleId(Source source, String title) {
        String before = "api:" + Integer.toHexString(title.hashCode());
        if (articles.find(source.id(), before).filter(a -> a.title().equals(title.strip())).isPresent()) {
            return before;
        }
        return "api:sha256:" + DigestUtils.sha256Hex(title);
    }

    @GetMapping("/{id}")
    ArticleWithTranslations show(@PathVariable long id) {
        Article article = articles.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "no article " + id));
        return new ArticleWithTranslations(article,
                translations.forArticle(id).stream().map(TranslationSummary::of).toList());
    }
}
