package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.HtmlSanitizer;
import io.relais.engine.HtmlBlocks;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslationException;
import io.relais.engine.Translator;
import io.relais.system.AppUser;
import io.relais.terminology.LearnedFixes;
import io.relais.terminology.SegmentText;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * The review actions. Editors post-edit a working copy ({@link WorkingCopy}): each cell is saved as they type, on
 * the condition that nobody changed that cell since they started editing it (else 409 with both texts, and their
 * text is kept in the history); nothing of a draft is published. Storing the text (approval, a published
 * correction, a rejection, a re-translation, reopening) names the version of the translation it was made on and
 * refuses a translation someone else changed meanwhile (optimistic locking); it keeps the draft in the history
 * ({@link Versions}) and clears it. Editors' HTML is sanitised like ingested content; every action is audited; an
 * approval teaches the translation memory ({@link ApprovalsInMemory}, which hears the store's change). Which action is
 * allowed in which state is the translation module's rule ({@link TranslationAction}); the store announces the feed
 * changes.
 */
@Service
class ReviewService {

    static final int MAX_BODY = 1_000_000;
    static final int MAX_TITLE = 4000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Translations translations;
    private final Articles articles;
    private final HtmlSanitizer sanitizer;
    private final JdbcClient jdbc;
    private final Translator translator;
    private final Drafts drafts;
    private final Versions versions;
    private final LearnedFixes fixes;

    ReviewService(Translations translations, Articles articles, HtmlSanitizer sanitizer, JdbcClient jdbc,
                  Translator translator, Drafts drafts, Versions versions, LearnedFixes fixes) {
        this.fixes = fixes;
        this.translator = translator;
        this.translations = translations;
        this.articles = articles;
        this.sanitizer = sanitizer;
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.versions = versions;
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
            throw new ReviewProblem(HttpStatus.FORBIDDEN, user.username() + " does not review " + lang)
                    .said("review.problem.notYourLanguage", user.username(), lang);
        }
    }

    Article source(Translation t) {
        return articles.find(t.articleId()).orElseThrow();
    }

    /** The text the editor works on: the draft, or the translation's text. */
    @Transactional
    WorkingCopy workingCopy(Translation t) {
        return drafts.of(t);
    }

    /**
     * A cell saved: the translation, the working copy after the save, and whether others saved since {@code knownSeq};
     * or, when someone else changed the cell meanwhile, nothing saved and the conflict to answer (with the editor's
     * text kept in the history, which is why it is not thrown from inside the transaction).
     */
    record CellSaved(Translation translation, WorkingCopy copy, String key, boolean othersSaved, ReviewProblem conflict) {

        String text() {
            return copy.text(key);
        }
    }

    /**
     * Saves one cell of the draft as the editor typed it: {@code base} is the fingerprint of the cell's text the
     * editor started from. When the cell's text is no longer that (someone else saved it meanwhile), nothing is
     * changed: the answer is the conflict (409 with both texts), the editor's text being kept in the history as a
     * conflict version.
     */
    @Transactional
    CellSaved saveCell(long id, String key, String base, String text, int knownSeq, AppUser user) {
        if (!Cells.valid(key)) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "no cell " + key + ": title, summary, body or body:N");
        }
        if (base == null || text == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST,
                    "base (the fingerprint of the text you started from) and text are required");
        }
        Translation t = lock(id, user);
        requireAllowed(t, TranslationAction.EDIT);
        versions.keepCurrent(t);
        WorkingCopy w = drafts.of(t);
        String current = w.text(key);
        String cleaned = cleanCell(key, text);
        if (cleaned.equals(current)) {
            return new CellSaved(t, w, key, w.seq() != knownSeq, null);
        }
        if (!SegmentText.fingerprint(current).equals(base)) {
            Drafts.CellMark mark = drafts.marks(t.id()).get(key);
            String by = mark != null && mark.editedBy() != null ? mark.editedBy() : w.savedBy();
            versions.conflict(w.with(key, cleaned), user.username(), "not saved: " + key + " was changed meanwhile"
                    + (by == null ? "" : " by " + by));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("conflict", "cell");
            details.put("segment", key);
            details.put("theirs", current);
            details.put("theirsFingerprint", SegmentText.fingerprint(current));
            details.put("by", by == null ? "" : by);
            details.put("yours", cleaned);
            details.put("seq", w.seq());
            details.put("version", t.version());
            return new CellSaved(t, w, key, w.seq() != knownSeq, new ReviewProblem(HttpStatus.CONFLICT,
                    (by == null ? "someone else" : by) + " changed this segment since you started editing it: choose the"
                            + " text to keep", details));
        }
        OffsetDateTime now = now();
        WorkingCopy saved = w.with(key, cleaned).saved(user.username(), now);
        drafts.save(saved);
        if (Cells.BODY.equals(key)) {
            List<String> before = Cells.cells(w.body());
            List<String> after = Cells.cells(saved.body());
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                if (i >= before.size() || i >= after.size() || !before.get(i).equals(after.get(i))) {
                    drafts.edited(t.id(), Cells.bodyKey(i), user.username(), now);
                }
            }
        } else {
            drafts.edited(t.id(), key, user.username(), now);
        }
        versions.draft(saved, user.username(), null);
        return new CellSaved(t, saved, key, w.seq() != knownSeq, null);
    }

    /** Confirms a cell: its text, exactly as it is now (the fingerprint the editor saw), is the editor's. */
    @Transactional
    WorkingCopy confirm(long id, String key, String fingerprint, AppUser user) {
        if (!Cells.valid(key) || Cells.BODY.equals(key)) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "no cell " + key + ": title, summary or body:N");
        }
        Translation t = lock(id, user);
        WorkingCopy w = drafts.of(t);
        if (!SegmentText.fingerprint(w.text(key)).equals(fingerprint)) {
            throw new ReviewProblem(HttpStatus.CONFLICT, "the segment changed since you read it: read it again",
                    Map.of("segment", key, "theirs", w.text(key), "seq", w.seq()));
        }
        drafts.confirmed(t.id(), key, fingerprint, user.username(), now());
        return w;
    }

    /** Brings back an earlier version's text as the draft (a version itself: the revert can be reverted). */
    @Transactional
    WorkingCopy revert(long id, long versionId, Integer knownSeq, AppUser user) {
        Translation t = lock(id, user);
        requireAllowed(t, TranslationAction.EDIT);
        versions.keepCurrent(t);
        WorkingCopy w = drafts.of(t);
        requireSeenDraft(w, knownSeq);
        Versions.Version v = versions.find(t.id(), versionId)
                .orElseThrow(() -> new ReviewProblem(HttpStatus.NOT_FOUND, "no version " + versionId + " of " + id));
        OffsetDateTime now = now();
        WorkingCopy reverted = new WorkingCopy(t.id(), t.version(), v.title(), v.summary(), Cells.normalised(v.body()),
                w.seq(), w.savedBy(), w.savedAt()).saved(user.username(), now);
        for (String key : reverted.keys(0, true)) {
            if (!reverted.text(key).equals(w.text(key))) {
                drafts.edited(t.id(), key, user.username(), now);
            }
        }
        drafts.save(reverted);
        versions.reverted(reverted, user.username(), "#" + v.id() + " " + v.kind().name().toLowerCase()
                + (v.username() == null ? "" : " " + v.username()));
        return reverted;
    }

    /**
     * Saves an edit, given whole (the API's and the plain form's draft): stored as the translation's text, except for
     * an approved translation, whose text is what the feeds publish: there it is the draft, published only by
     * {@link #store} (a published correction) — stored as the text, a draft was in the feeds at once.
     */
    @Transactional
    Translation edit(long id, int version, String title, String summary, String body, AppUser user) {
        Translation t = lock(id, user);
        requireAllowed(t, TranslationAction.EDIT);
        if (t.state() == TranslationState.APPROVED) {
            return saveDraft(t, version, title, summary, body, user);
        }
        Edited edited = clean(t, title, summary, body);
        return change(t, version, edited, TranslationAction.EDIT, null, user);
    }

    /** An edit given whole of an approved translation, as its draft (what is not given stays the draft's). */
    private Translation saveDraft(Translation t, int version, String title, String summary, String body, AppUser user) {
        if (version != t.version()) {
            throw stale(t, version, clean(t, title, summary, body));
        }
        versions.keepCurrent(t);
        WorkingCopy w = drafts.of(t);
        Edited edited = clean(new Edited(w.title(), w.summary(), w.body()), title, summary, body);
        OffsetDateTime now = now();
        WorkingCopy saved = new WorkingCopy(t.id(), t.version(), edited.title(), edited.summary(),
                Cells.normalised(edited.body()), w.seq(), w.savedBy(), w.savedAt()).saved(user.username(), now);
        for (String key : saved.keys(0, true)) {
            if (!saved.text(key).equals(w.text(key))) {
                drafts.edited(t.id(), key, user.username(), now);
            }
        }
        drafts.save(saved);
        versions.draft(saved, user.username(), null);
        return t;
    }

    /**
     * Stores the working copy as the translation's text, the state staying (an approved translation's published
     * text is corrected): {@code knownSeq} is the draft the editor saw.
     */
    @Transactional
    Translation store(long id, int version, Integer knownSeq, AppUser user) {
        Translation t = lock(id, user);   // the draft read below is the one cleared: no save may commit in between
        requireAllowed(t, TranslationAction.EDIT);
        WorkingCopy w = drafts.of(t);
        requireSeenDraft(w, knownSeq);
        Edited edited = fromCopy(w);
        requireText(edited, "published");
        return change(t, version, edited, TranslationAction.EDIT, null, user);
    }

    /**
     * Approves the text given, or, when none is given, the working copy (the draft included): {@code knownSeq} is
     * the draft the approver saw (null: not checked, as for a script that names only the version).
     */
    @Transactional
    Translation approve(long id, int version, Integer knownSeq, String title, String summary, String body, AppUser user) {
        // locked as a save locks it: a save committed between the draft's read and its clearing (by another
        // editor, on another node) was cleared unseen, and the approval took the text without it
        Translation t = lock(id, user);
        requireAllowed(t, TranslationAction.APPROVE);
        Edited edited;
        if (title == null && summary == null && body == null) {
            WorkingCopy w = drafts.of(t);
            requireSeenDraft(w, knownSeq);
            edited = fromCopy(w);
        } else {
            edited = clean(t, title, summary, body);
        }
        requireText(edited, "approved");
        return change(t, version, edited, TranslationAction.APPROVE, null, user);
    }

    /**
     * Replaces the text with another engine's translation, for the editor to review (the state becomes NEEDS_REVIEW);
     * the draft is kept in the history (the page asks first).
     */
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
            // locked once translated (saves do not wait for the engine), then looked at again as it is now
            Translation locked = lock(id, user);
            requireAllowed(locked, TranslationAction.RETRANSLATE);
            return change(locked, version, new Edited(title, summary, body), TranslationAction.RETRANSLATE,
                    "re-translated with " + engine, user);
        } catch (TranslationException e) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    List<String> engines(String lang) {
        return translator.enginesFor(lang).stream().map(e -> e.name()).toList();
    }

    /** Rejects the translation (its text stays; a draft is kept in the history). */
    @Transactional
    Translation reject(long id, int version, String reason, AppUser user) {
        Translation t = lock(id, user);
        requireAllowed(t, TranslationAction.REJECT);
        if (reason == null || reason.isBlank()) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "a rejection needs a reason");
        }
        return change(t, version, new Edited(t.title(), t.summary(), t.body()), TranslationAction.REJECT, reason.strip(),
                user);
    }

    /**
     * An operator's withdrawal from the feeds ({@link ConsoleOperatorActions}): rejected with the operator's reason like an
     * editor's rejection (the operator's right to do it is the console's to check). False when the translation changed
     * since {@code version} or may not be rejected in its state.
     */
    @Transactional
    boolean withdraw(long id, int version, String operator, String reason) {
        Translation t = translations.lock(id).orElse(null);
        if (t == null || t.version() != version || !TranslationAction.REJECT.allowedIn(t.state())) {
            return false;
        }
        change(t, version, new Edited(t.title(), t.summary(), t.body()), TranslationAction.REJECT, reason, operator);
        return true;
    }

    /**
     * An operator's re-translation ({@link ConsoleOperatorActions}): the batch translates it anew, as a new article's.
     * The text it had is kept in the history as a {@link Versions.Kind#REQUEUE} version under the operator's name with
     * the reason (an editor can bring it back from there), the draft too (it is cleared: the batch's text replaces what
     * it was begun on), and the action is audited. False when the translation changed since {@code version}.
     */
    @Transactional
    boolean sendBack(long id, int version, String operator, String reason) {
        Translation t = translations.lock(id).orElse(null);
        if (t == null || t.version() != version) {
            return false;
        }
        versions.keepCurrent(t);
        if (!translations.requeue(t, version, reason)) {
            return false;
        }
        Translation after = translations.findById(id).orElseThrow();
        audit(t, operator, Versions.Kind.REQUEUE.name(), after.state(), after.title(), after.body(), reason);
        drafts.clear(id);
        versions.record(after, Versions.Kind.REQUEUE, operator, reason);
        return true;
    }

    /**
     * Undoes an approval (or a rejection): the text, unchanged, goes back to review; the feeds withdraw what they
     * published of it (they follow the state).
     */
    @Transactional
    Translation reopen(long id, int version, AppUser user) {
        Translation t = lock(id, user);   // the draft read below is the one kept: no save may commit in between
        requireAllowed(t, TranslationAction.REOPEN);
        // a correction begun on the approved text stays the draft: going back to review is to go on with it
        WorkingCopy draft = drafts.of(t);
        Translation reopened = change(t, version, new Edited(t.title(), t.summary(), t.body()), TranslationAction.REOPEN,
                null, user);
        if (draft.draft()) {
            drafts.save(new WorkingCopy(t.id(), reopened.version(), draft.title(), draft.summary(), draft.body(),
                    draft.seq(), draft.savedBy(), draft.savedAt()));
        }
        // what the approval taught is offered after what approved translations taught from now on
        fixes.unapprove(t.id());
        return reopened;
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

    /**
     * The translation, its row locked until the transaction ends: every change of a translation or of its draft takes
     * it first (saves on other nodes included), so a draft read here is the one a change keeps or clears.
     */
    private Translation lock(long id, AppUser user) {
        Translation t = translations.lock(id)
                .orElseThrow(() -> new ReviewProblem(HttpStatus.NOT_FOUND, "no translation " + id));
        requireReviewer(user, t.lang());
        return t;
    }

    /** A draft saved by someone since the editor last saw it is not stored unseen. */
    private static void requireSeenDraft(WorkingCopy w, Integer knownSeq) {
        if (knownSeq != null && knownSeq != w.seq()) {
            throw new ReviewProblem(HttpStatus.CONFLICT, (w.savedBy() == null ? "someone" : w.savedBy())
                    + " changed the draft since you read it: read it again before you store it",
                    Map.of("conflict", "draft", "seq", w.seq(), "by", w.savedBy() == null ? "" : w.savedBy()))
                    .said("review.problem.draftChanged", w.savedBy() == null ? "?" : w.savedBy());
        }
    }

    /** What is published has a title and a text: an emptied title or body is not published by mistake. */
    private static void requireText(Edited edited, String done) {
        if (edited.body() == null || edited.body().isBlank()) {
            throw new ReviewProblem(HttpStatus.CONFLICT, "a translation without text cannot be " + done)
                    .said("review.problem.noText");
        }
        if (edited.title() == null || edited.title().isBlank()) {
            throw new ReviewProblem(HttpStatus.CONFLICT, "a translation without a title cannot be " + done)
                    .said("review.problem.noTitle");
        }
    }

    private static Edited fromCopy(WorkingCopy w) {
        return new Edited(plain(w.title()), plain(w.summary()), Cells.withoutEmptyCells(w.body()));
    }

    /** A plain text as stored: its spaces tidied (none at the ends, one between words). */
    private static String plain(String text) {
        return text == null ? null : SPACES.matcher(text).replaceAll(" ").strip();
    }

    private String cleanCell(String key, String text) {
        if (text.length() > MAX_BODY) {
            throw new ReviewProblem(HttpStatus.CONTENT_TOO_LARGE, "the text is longer than " + MAX_BODY + " characters")
                    .said("review.problem.tooLong", MAX_BODY);
        }
        if (Cells.BODY.equals(Cells.field(key))) {
            String clean = sanitizer.sanitize(text, null);
            return Cells.BODY.equals(key) ? Cells.normalised(clean) : String.join("", HtmlBlocks.split(clean));
        }
        // a title or summary cell is plain text, kept as typed ("&amp;", "<b>" are characters, not markup) but for
        // control characters, one space each: the page's caret stays where it was. Spaces are tidied when it is
        // stored (plain()), not while it is typed in: a space typed before a pause is still there after the save
        String plain = CONTROL.matcher(text).replaceAll(" ");
        if (plain.length() > MAX_TITLE) {
            throw new ReviewProblem(HttpStatus.CONTENT_TOO_LARGE, "the " + key + " is longer than " + MAX_TITLE
                    + " characters").said("review.problem.tooLong", MAX_TITLE);
        }
        return plain;
    }

    private Edited clean(Translation t, String title, String summary, String body) {
        return clean(new Edited(t.title(), t.summary(), t.body()), title, summary, body);
    }

    /** The text given, cleaned; what is not given stays {@code unchanged}'s. */
    private Edited clean(Edited unchanged, String title, String summary, String body) {
        if (body != null && body.length() > MAX_BODY) {
            throw new ReviewProblem(HttpStatus.CONTENT_TOO_LARGE, "the body is longer than " + MAX_BODY + " characters")
                    .said("review.problem.tooLong", MAX_BODY);
        }
        return new Edited(title == null ? unchanged.title() : sanitizer.text(title).strip(),
                summary == null ? unchanged.summary() : sanitizer.text(summary).strip(),
                body == null ? unchanged.body() : sanitizer.sanitize(body, null));
    }

    private static void requireAllowed(Translation t, TranslationAction action) {
        if (!action.allowedIn(t.state())) {
            throw new ReviewProblem(HttpStatus.CONFLICT, "cannot " + action.verb() + " a translation in state " + t.state(),
                    Map.of("state", t.state().name()))
                    .said("review.problem.state", new DefaultMessageSourceResolvable("state." + t.state().name()));
        }
    }

    private Translation change(Translation t, int version, Edited edited, TranslationAction action, String reason,
                               AppUser user) {
        return change(t, version, edited, action, reason, user.username());
    }

    /** The action, made by {@code by} (an editor, or an operator for a withdrawal), audited and kept in the history. */
    private Translation change(Translation t, int version, Edited edited, TranslationAction action, String reason,
                               String by) {
        TranslationState state = action.next(t.state());
        versions.keepCurrent(t);
        boolean applied;
        try {
            applied = translations.apply(t, action, version, edited.title(), edited.summary(), edited.body(),
                    reason != null ? reason : t.failureReason());
        } catch (TranslationAction.TransitionRefusedException e) {
            throw new ReviewProblem(HttpStatus.CONFLICT, e.getMessage(), Map.of("state", e.state().name()));
        }
        if (!applied) {
            throw stale(translations.findById(t.id()).orElseThrow(), version, edited);
        }
        audit(t, by, action.name(), state, edited.title(), edited.body(), reason);
        // the translation memory followed the change in the store's transaction (ApprovalsInMemory)
        Translation after = translations.findById(t.id()).orElseThrow();
        // the draft as it stood is in the history already (each save brings its draft version up to date)
        drafts.clear(t.id());
        versions.record(after, switch (action) {
            case EDIT -> Versions.Kind.SAVE;
            case APPROVE -> Versions.Kind.APPROVE;
            case REJECT -> Versions.Kind.REJECT;
            case RETRANSLATE -> Versions.Kind.RETRANSLATE;
            case REOPEN -> Versions.Kind.REOPEN;
        }, by, reason);
        return after;
    }

    /** One line of the audit: {@code action} made by {@code by} on {@code t} as it was before. */
    private void audit(Translation t, String by, String action, TranslationState after, String titleAfter,
                       String bodyAfter, String reason) {
        jdbc.sql("""
                insert into review_audit (translation_id, username, action, state_before, state_after, title_before,
                    title_after, body_before, body_after, reason, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), by, action, t.state().name(), after.name(), t.title(), titleAfter, t.body(), bodyAfter,
                        reason, now())
                .update();
    }

    /** An action made on {@code version} of a translation now at {@code current}'s: 409 with both versions. */
    private static ReviewProblem stale(Translation current, int version, Edited edited) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("conflict", "version");
        details.put("yourVersion", version);
        details.put("yours", Map.of("title", String.valueOf(edited.title()), "body", String.valueOf(edited.body())));
        details.put("currentVersion", current.version());
        details.put("current", Map.of("title", String.valueOf(current.title()), "body", String.valueOf(current.body()),
                "state", current.state().name()));
        return new ReviewProblem(HttpStatus.CONFLICT, "someone else changed this translation since version " + version
                + ": compare both versions and save again on version " + current.version(), details)
                .said("review.problem.changed");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
