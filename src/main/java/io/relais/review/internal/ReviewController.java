package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.article.Article;
import io.relais.translation.StoredIssue;
import io.relais.translation.Translation;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import io.relais.system.AppUser;
import io.relais.system.Users;

/**
 * The review API, for scripts (the web UI is {@link ReviewPages}):
 * <ul>
 * <li>{@code GET /api/review/counts}: translations per language and state (the editor's languages only);</li>
 * <li>{@code GET /api/review/{lang}/queue?state=NEEDS_REVIEW,FAILED&sort=age|score&source=ID&page=0&size=20};</li>
 * <li>{@code GET /api/review/items/{id}}: the French source and the translation, its issues and its audit log;</li>
 * <li>{@code PUT /api/review/items/{id}} {@code {version, title, summary, body}}: store an edit given whole (the
 * workbench saves drafts cell by cell: {@link WorkbenchApi});</li>
 * <li>{@code POST /api/review/items/{id}/approve} {@code {version[, seq][, title, summary, body]}}: the text given, or
 * without one the working copy (the draft the workbench saved, {@code seq} being the draft the approver saw);</li>
 * <li>{@code POST /api/review/items/{id}/reject} {@code {version, reason}};</li>
 * <li>{@code POST /api/review/items/{id}/retranslate} {@code {version, engine}}: another engine's version.</li>
 * </ul>
 * Errors are RFC 9457 problem details ({@code detail} says why): 400 bad input, 401 anonymous, 403 not the editor's language, 404 unknown
 * id, 409 invalid state or a concurrent change (with both versions), 413 oversize body.
 */
@RestController
@RequestMapping("/api/review")
class ReviewController {

    record Change(Integer version, String title, String summary, String body, String reason, String engine, Integer seq) {
    }

    /** One page of a language's queue. */
    record QueuePage(String lang, int page, int size, List<QueueItem> items) {
    }

    /** A queued translation (a score not yet computed is left out, like every null: spring.jackson non_null). */
    record QueueItem(long id, long articleId, String title, String state, Double score, int version,
                     OffsetDateTime createdAt) {

        static QueueItem of(Translation t) {
            return new QueueItem(t.id(), t.articleId(), t.title(), t.state().name(), t.qualityScore(), t.version(),
                    t.createdAt());
        }
    }

    /** What the review screen needs of one translation: the French it came from, its issues, audit and engines. */
    record Item(Translation translation, FrenchSource source, List<StoredIssue> issues, List<AuditEntry> audit,
                List<String> engines) {
    }

    /** The French revision a translation was made from (a missing summary or URL is absent, not "null"). */
    record FrenchSource(String title, String summary, String body, String url, int revision) {

        static FrenchSource of(Article a) {
            return new FrenchSource(a.title(), a.summary(), a.body(), a.url(), a.revision());
        }
    }

    private final ReviewService review;
    private final Translations translations;
    private final Users users;

    private final SegmentAssist assist;

    ReviewController(ReviewService review, Translations translations, Users users, SegmentAssist assist) {
        this.review = review;
        this.assist = assist;
        this.translations = translations;
        this.users = users;
    }

    @GetMapping("/counts")
    Map<String, Map<TranslationState, Long>> counts(Authentication auth) {
        AppUser user = user(auth);
        Map<String, Map<TranslationState, Long>> counts = new LinkedHashMap<>();
        translations.countsByLanguage().forEach((lang, byState) -> {
            if (user.reviews(lang)) {
                counts.put(lang, byState);
            }
        });
        return counts;
    }

    @GetMapping("/{lang}/queue")
    QueuePage queue(@PathVariable String lang, @RequestParam(defaultValue = "NEEDS_REVIEW") String state,
                              @RequestParam(defaultValue = "age") String sort, @RequestParam(required = false) Long source,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                              Authentication auth) {
        AppUser user = user(auth);
        ReviewService.requireReviewer(user, lang);
        List<TranslationState> states;
        try {
            states = Arrays.stream(state.split(",")).map(String::strip).map(TranslationState::valueOf).toList();
        } catch (IllegalArgumentException e) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "unknown state in " + state);
        }
        int pageSize = Math.max(1, Math.min(size, 100));
        List<QueueItem> items = translations.queue(lang, states, source, "score".equals(sort),
                Math.max(0, page) * pageSize, pageSize).stream().map(QueueItem::of).toList();
        return new QueuePage(lang, page, pageSize, items);
    }

    @GetMapping("/items/{id}")
    Item item(@PathVariable long id, Authentication auth) {
        Translation t = review.get(id, user(auth));
        return new Item(t, FrenchSource.of(review.source(t)), translations.issues(id), review.audit(id),
                review.engines(t.lang()));
    }

    @PutMapping("/items/{id}")
    Translation edit(@PathVariable long id, @RequestBody Change change, Authentication auth) {
        return review.edit(id, version(change), change.title(), change.summary(), change.body(), user(auth));
    }

    @PostMapping("/items/{id}/approve")
    Translation approve(@PathVariable long id, @RequestBody Change change, Authentication auth) {
        AppUser user = user(auth);
        Translation approved = review.approve(id, version(change), change.seq(), change.title(), change.summary(),
                change.body(), user);
        assist.learnApproved(approved, review.source(approved), user.username());
        return approved;
    }

    @PostMapping("/items/{id}/retranslate")
    Translation retranslate(@PathVariable long id, @RequestBody Change change, Authentication auth) {
        if (change == null || change.engine() == null || change.engine().isBlank()) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "engine is required: one of the engines serving the language");
        }
        return review.retranslate(id, version(change), change.engine(), user(auth));
    }

    @PostMapping("/items/{id}/reject")
    Translation reject(@PathVariable long id, @RequestBody Change change, Authentication auth) {
        return review.reject(id, version(change), change.reason(), user(auth));
    }

    private static int version(Change change) {
        if (change == null || change.version() == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "version is required: the version of the translation you changed");
        }
        return change.version();
    }

    private AppUser user(Authentication auth) {
        return users.current(auth);
    }
}
