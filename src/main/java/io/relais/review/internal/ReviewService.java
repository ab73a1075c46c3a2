package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.HtmlSanitizer;
import io.relais.translation.Translation;
import io.relais.system.AppUser;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import io.relais.engine.HtmlBlocks;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslationException;
import io.relais.terminology.TranslationMemory;
import io.relais.engine.Translator;

/**
 * The review actions. Every change names the version it was made on: a change to a translation someone else changed
 * meanwhile is refused with both versions (optimistic locking). Editors' HTML is sanitised like ingested content;
 * every action is audited; an approval teaches the translation memory. Which action is allowed in which state is the
 * translation module's rule ({@link TranslationAction}); the store announces the feed changes.
 */
@Service
class ReviewService {

    static final int MAX_BODY = 1_000_000;

    private final Translations translations;
    private final Articles articles;
    private final HtmlSanitizer sanitizer;
    private final TranslationMemory memory;
    private final JdbcClient jdbc;
    private final Translator translator;

    ReviewService(Translations translations, Articles articles, HtmlSanitizer sanitizer, TranslationMemory memory,
                  JdbcClient jdbc, Translator translator) {
        this.translator = translator;
        this.translations = translations;
        this.articles = articles;
        this.sanitizer = sanitizer;
        this.memory = memory;
        this.jdbc = jdbc;
    }

    Translation get(long id, AppUser user) {
        Translation t = translations.findById(id)
                .orElseThrow(() -> new ReviewProblem(HttpStatus.NOT_FOUND, "no translation " + id));
        requireReviewer(user, t.lang());
        return t;
    }

    /** An editor works on their own languages only (administrators on all): else 403, on the API and the pages alike. */
    static void requireReviewer(AppUser user, String lang) {
        if (!user.reviews(lang)) {
            throw new ReviewProblem(HttpStatus.FORBIDDEN, user.username() + " does not review " + lang);
        }
    }

    Article source(Translation t) {
        return articles.find(t.articleId()).orElseThrow();
    }

    /** Saves an edit (a draft): the state stays NEEDS_REVIEW (a FAILED one becomes NEEDS_REVIEW once it has text). */
    @Transactional
    Translation edit(long id, int version, String title, String summary, String body, AppUser user) {
        Translation t = get(id, user);
        requireAllowed(t, TranslationAction.EDIT);
        Edited edited = clean(t, title, summary, body);
        return change(t, version, edited, TranslationAction.EDIT, null, user);
    }

    @Transactional
    Translation approve(long id, int version, String title, String summary, String body, AppUser user) {
        Translation t = get(id, user);
        requireAllowed(t, TranslationAction.APPROVE);
        Edited edited = clean(t, title, summary, body);
        if (edited.body() == null || edited.body().isBlank()) {
            throw new ReviewProblem(HttpStatus.CONFLICT, "a translation without text cannot be approved");
        }
        Translation approved = change(t, version, edited, TranslationAction.APPROVE, null, user);
        remember(approved);
        return approved;
    }

    /** Replaces the text with another engine's translation, for the editor to review (the state becomes NEEDS_REVIEW). */
    @Transactional
    Translation retranslate(long id, int version, String engine, AppUser user) {
        Translation t = get(id, user);
        requireAllowed(t, TranslationAction.RETRANSLATE);
        Article source = source(t);
        try {
            String title = translator.translateWith(engine, source.title(), TextFormat.PLAIN, t.lang()).text();
            String summary = source.summary() == null ? null
                    : translator.translateWith(engine, source.summary(), TextFormat.PLAIN, t.lang()).text();
            String body = translator.translateWith(engine, source.body(), TextFormat.HTML, t.lang()).text();
            return change(t, version, new Edited(title, summary, body), TranslationAction.RETRANSLATE,
                    "re-translated with " + engine, user);
        } catch (TranslationException e) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    List<String> engines(String lang) {
        return translator.enginesFor(lang).stream().map(e -> e.name()).toList();
    }

    @Transactional
    Translation reject(long id, int version, String reason, AppUser user) {
        Translation t = get(id, user);
        requireAllowed(t, TranslationAction.REJECT);
        if (reason == null || reason.isBlank()) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "a rejection needs a reason");
        }
        return change(t, version, new Edited(t.title(), t.summary(), t.body()), TranslationAction.REJECT, reason.strip(),
                user);
    }

    List<AuditEntry> audit(long translationId) {
        return jdbc.sql("select * from review_audit where translation_id = ? order by id").param(translationId)
                .query((rs, i) -> new AuditEntry(rs.getString("username"), rs.getString("action"),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("state_before"), rs.getString("state_after"),
                        rs.getString("title_before"), rs.getString("title_after"), rs.getString("body_before"),
                        rs.getString("body_after"), rs.getString("reason")))
                .list();
    }

    private record Edited(String title, String summary, String body) {
    }

    private Edited clean(Translation t, String title, String summary, String body) {
        if (body != null && body.length() > MAX_BODY) {
            throw new ReviewProblem(HttpStatus.CONTENT_TOO_LARGE, "the body is longer than " + MAX_BODY + " characters");
        }
        return new Edited(title == null ? t.title() : sanitizer.text(title).strip(),
                summary == null ? t.summary() : sanitizer.text(summary).strip(),
                body == null ? t.body() : sanitizer.sanitize(body, null));
    }

    private static void requireAllowed(Translation t, TranslationAction action) {
        if (!action.allowedIn(t.state())) {
            throw new ReviewProblem(HttpStatus.CONFLICT, "cannot " + action.verb() + " a translation in state " + t.state(),
                    Map.of("state", t.state().name()));
        }
    }

    private Translation change(Translation t, int version, Edited edited, TranslationAction action, String reason,
                               AppUser user) {
        TranslationState state = action.next(t.state());
        boolean applied;
        try {
            applied = translations.apply(t, action, version, edited.title(), edited.summary(), edited.body(),
                    reason != null ? reason : t.failureReason());
        } catch (TranslationAction.TransitionRefusedException e) {
            throw new ReviewProblem(HttpStatus.CONFLICT, e.getMessage(), Map.of("state", e.state().name()));
        }
        if (!applied) {
            Translation current = translations.findById(t.id()).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("yourVersion", version);
            details.put("yours", Map.of("title", String.valueOf(edited.title()), "body", String.valueOf(edited.body())));
            details.put("currentVersion", current.version());
            details.put("current", Map.of("title", String.valueOf(current.title()), "body", String.valueOf(current.body()),
                    "state", current.state().name()));
            throw new ReviewProblem(HttpStatus.CONFLICT, "someone else changed this translation since version " + version
                    + ": compare both versions and save again on version " + current.version(), details);
        }
        jdbc.sql("""
                insert into review_audit (translation_id, username, action, state_before, state_after, title_before,
                    title_after, body_before, body_after, reason, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), user.username(), action.name(), t.state().name(), state.name(), t.title(), edited.title(),
                        t.body(), edited.body(), reason, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return translations.findById(t.id()).orElseThrow();
    }

    /** An approved text is what editors want: the title, and the body paragraph by paragraph when they line up. */
    private void remember(Translation approved) {
        Article source = source(approved);
        memory.remember(source.title(), Article.SOURCE_LANGUAGE, approved.lang(), approved.title(),
                TranslationMemory.Origin.EDITOR, "editor", null, 0);
        List<String> sourceBlocks = HtmlBlocks.split(source.body());
        List<String> targetBlocks = HtmlBlocks.split(approved.body());
        if (sourceBlocks.size() == targetBlocks.size()) {
            for (int i = 0; i < sourceBlocks.size(); i++) {
                memory.remember(sourceBlocks.get(i), Article.SOURCE_LANGUAGE, approved.lang(), targetBlocks.get(i),
                        TranslationMemory.Origin.EDITOR, "editor", null, 0);
            }
        }
    }
}
