package io.relais.translation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.relais.article.Article;
import io.relais.article.Articles;

/**
 * The translation store: one row per (article, revision, language), with its quality issues. An editor's action that
 * changes what a language publishes announces {@link PublishedSetEdited} in its transaction and
 * {@link PublishedSetChanged}; machine translations are announced by
 * the batch through {@link #announce}, once per language when its partition ends.
 */
@Service
public class Translations {

    private static final RowMapper<Translation> ROW = (rs, i) -> new Translation(
            rs.getLong("id"), rs.getLong("article_id"), rs.getInt("revision"), rs.getString("lang"),
            rs.getString("engine"), rs.getString("route"), rs.getString("title"), rs.getString("summary"),
            rs.getString("body"), (Double) rs.getObject("quality_score"), (Integer) rs.getObject("word_count"),
            (Integer) rs.getObject("unknown_words"), TranslationState.valueOf(rs.getString("state")),
            rs.getString("failure_reason"), rs.getInt("attempts"), rs.getInt("version"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));

    private static final RowMapper<PublishedEntry> ENTRY = (rs, i) -> new PublishedEntry(
            rs.getLong("article_id"), rs.getInt("revision"), rs.getString("lang"), rs.getString("title"),
            rs.getString("summary"), rs.getString("body"), rs.getString("url"), rs.getString("original_title"),
            rs.getString("author"), rs.getObject("published_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getString("engine"), rs.getString("route"),
            (Double) rs.getObject("quality_score"), TranslationState.valueOf(rs.getString("state")),
            rs.getLong("source_id"), rs.getString("source_name"), rs.getString("original_summary"),
            rs.getString("original_body"), categories(rs.getString("categories")), rs.getString("source_url"),
            Map.of(), rs.getString("image_url") == null || rs.getObject("image_length") == null ? null
                    : new PublishedEntry.MainImage(rs.getString("image_url"), rs.getLong("image_length"), rs.getString("image_type")));

    private static List<String> categories(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split("\\n")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /**
     * Articles whose current revision still waits for a translation into a language (parameters: lang, max attempts,
     * lang pattern): none yet, or only a failed one that may be retried; only from sources translated into it.
     */
    private static final String WAITING = """
            from article a
            join source s on s.id = a.source_id
            left join translation t on t.article_id = a.id and t.revision = a.revision and t.lang = ?
            where (t.id is null or (t.state = 'FAILED' and t.attempts < ?))
              and (s.languages is null or ',' || s.languages || ',' like ?)""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Translations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores a result, replacing a failed or earlier attempt for the same (article, revision, language):
     * running the same work twice never makes two rows. Announces nothing: whoever stores machine translations
     * announces the languages it changed once it is done ({@link #announce}), so that a run of a hundred chunks
     * rebuilds each feed once, not a hundred times.
     */
    @Transactional
    public long save(TranslationResult r) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<Long> existing = jdbc.sql(
                        "select id from translation where article_id = ? and revision = ? and lang = ? for update")
                .params(r.articleId(), r.revision(), r.lang()).query(Long.class).optional();
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            jdbc.sql("""
                    update translation set engine = ?, route = ?, title = ?, summary = ?, body = ?, quality_score = ?,
                        word_count = ?, unknown_words = ?, state = ?, failure_reason = ?, attempts = attempts + 1,
                        version = version + 1, updated_at = ?, machine_title = ?, machine_summary = ?, machine_body = ?,
                        machine_at = ?
                    where id = ?""")
                    .params(r.engine(), r.route(), r.title(), r.summary(), r.body(), r.qualityScore(), r.wordCount(),
                            r.unknownWords(), r.state().name(), abbreviate(r.failureReason(), 4000), now,
                            r.title(), r.summary(), r.body(), r.body() == null ? null : now, id)
                    .update();
            jdbc.sql("delete from quality_issue where translation_id = ?").param(id).update();
        } else {
            insert(r, now, "");
            id = jdbc.sql("select id from translation where article_id = ? and revision = ? and lang = ?")
                    .params(r.articleId(), r.revision(), r.lang()).query(Long.class).single();
        }
        insertIssues(id, r);
        return id;
    }

    /** Inserts the translation row; {@code onConflict}: what the database does when the row exists already. */
    private int insert(TranslationResult r, OffsetDateTime now, String onConflict) {
        return jdbc.sql("""
                insert into translation (article_id, revision, lang, engine, route, title, summary, body,
                    quality_score, word_count, unknown_words, state, failure_reason, attempts, created_at, updated_at,
                    machine_title, machine_summary, machine_body, machine_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)""" + onConflict)
                .params(r.articleId(), r.revision(), r.lang(), r.engine(), r.route(), r.title(), r.summary(),
                        r.body(), r.qualityScore(), r.wordCount(), r.unknownWords(), r.state().name(),
                        abbreviate(r.failureReason(), 4000), now, now, r.title(), r.summary(), r.body(),
                        r.body() == null ? null : now)
                .update();
    }

    private void insertIssues(long id, TranslationResult r) {
        for (StoredIssue issue : r.issues()) {
            jdbc.sql("""
                    insert into quality_issue (translation_id, checker, field, rule_id, message, start_offset,
                                               end_offset, suggestion, severity)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, issue.checker(), issue.field(), abbreviate(issue.ruleId(), 200),
                            abbreviate(issue.message(), 4000), issue.startOffset(), issue.endOffset(),
                            abbreviate(issue.suggestion(), 1000), issue.severity())
                    .update();
        }
    }

    /**
     * Stores a machine translation only if its (article, revision, language) still waits for one: no translation
     * yet, or only a failed attempt, which it replaces. Anything else was stored by someone else since the caller
     * read the article as waiting — another worker given the same slice after a fault, an overlapping run — and is
     * left alone (an editor may already be working on it). Returns whether it stored. The row is locked while this
     * is decided, so of two workers storing at once, one stores and the other learns it need not.
     */
    @Transactional
    public boolean saveIfWaiting(TranslationResult r) {
        Optional<String> state = jdbc.sql(
                        "select state from translation where article_id = ? and revision = ? and lang = ? for update")
                .params(r.articleId(), r.revision(), r.lang()).query(String.class).optional();
        if (state.isPresent()) {
            if (!TranslationState.FAILED.name().equals(state.get())) {
                return false;
            }
            save(r);
            return true;
        }
        // no row to lock yet: of two inserts at once, the database keeps one
        if (insert(r, OffsetDateTime.now(ZoneOffset.UTC), " on conflict do nothing") == 0) {
            return false;
        }
        insertIssues(jdbc.sql("select id from translation where article_id = ? and revision = ? and lang = ?")
                .params(r.articleId(), r.revision(), r.lang()).query(Long.class).single(), r);
        return true;
    }

    public Optional<Translation> findById(long id) {
        return jdbc.sql("select * from translation where id = ?").param(id).query(ROW).optional();
    }

    /**
     * The translation, its row locked until the caller's transaction ends: for a change made of several reads and
     * writes (an editor's draft saved cell by cell) that two editors must not interleave.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Translation> lock(long id) {
        return jdbc.sql("select * from translation where id = ? for update").param(id).query(ROW).optional();
    }

    /**
     * An editor's action: the text and the state {@code action} leads to from {@code current}'s state, if nobody
     * changed the translation since {@code expectedVersion} was read (optimistic locking). Returns false when someone
     * did; throws {@link TranslationAction.TransitionRefusedException} when the action is not allowed in that state.
     */
    @Transactional
    public boolean apply(Translation current, TranslationAction action, int expectedVersion, String title,
                         String summary, String body, String reason) {
        TranslationState next = action.next(current.state());
        boolean updated = jdbc.sql("""
                update translation set title = ?, summary = ?, body = ?, state = ?, failure_reason = ?,
                    version = version + 1, updated_at = ?
                where id = ? and version = ? and state = ?""")
                .params(title, summary, body, next.name(), abbreviate(reason, 4000),
                        OffsetDateTime.now(ZoneOffset.UTC), current.id(), expectedVersion, current.state().name())
                .update() == 1;
        if (updated && action == TranslationAction.RETRANSLATE) {
            // the machine text the feeds may publish is no longer the translation's, and no check ran on the new
            // engine's: nothing machine-made of it is published until it is approved (kept, a rejected text came
            // back into the machine feeds with the translation's return to review)
            jdbc.sql("""
                    update translation set machine_title = null, machine_summary = null, machine_body = null,
                        machine_at = null
                    where id = ?""").param(current.id()).update();
        }
        if (updated) {
            changed(current);
        }
        // what a feed may publish changes with the state, or with the text of an approved translation, or with a
        // re-translation (above); an editor's draft of an unapproved one changes nothing published (machine feeds
        // show the batch's text)
        if (updated && (current.state() != next || next == TranslationState.APPROVED
                        || action == TranslationAction.RETRANSLATE)
                && (current.state().publishable() || next.publishable())) {
            editorChanged(current.lang(), current.articleId());
        }
        return updated;
    }

    /**
     * Asks the batch to translate this translation again (translate, check, verdict, as for a new article): it waits
     * like a failed one with no attempt left behind, with {@code reason} as its failure reason, if nobody changed it
     * since {@code expectedVersion}. The text it had stays in the review audit of whoever approved or edited it; the
     * feeds drop it until the new translation is stored. Returns false when someone changed it meanwhile.
     */
    @Transactional
    public boolean requeue(Translation current, int expectedVersion, String reason) {
        boolean updated = jdbc.sql("""
                update translation set state = 'FAILED', attempts = 0, failure_reason = ?, version = version + 1,
                    updated_at = ?
                where id = ? and version = ?""")
                .params(abbreviate(reason, 4000), OffsetDateTime.now(ZoneOffset.UTC), current.id(), expectedVersion)
                .update() == 1;
        if (updated) {
            changed(current);
        }
        if (updated && current.state() != TranslationState.FAILED && current.state() != TranslationState.REJECTED) {
            editorChanged(current.lang(), current.articleId());
        }
        return updated;
    }

    /** {@link TranslationChanged}: {@code before} is the row the change was made on (its version was checked). */
    private void changed(Translation before) {
        events.publishEvent(new TranslationChanged(before, findById(before.id()).orElseThrow()));
    }

    /** The feeds follow an editor's change in its transaction ({@link PublishedSetEdited}), then after it. */
    private void editorChanged(String lang, long articleId) {
        events.publishEvent(new PublishedSetEdited(lang, articleId));
        events.publishEvent(new PublishedSetChanged(lang));
    }

    /**
     * Articles whose current revision has no translation into {@code lang} yet, or only a failed one that may be
     * retried (fewer than {@code maxAttempts} attempts), oldest first; only from sources translated into {@code lang}.
     */
    public List<Article> needingTranslation(String lang, int maxAttempts, int limit) {
        return jdbc.sql("select a.* " + WAITING + " order by a.id limit ?")
                .params(lang, maxAttempts, "%," + lang + ",%", limit).query(Articles.ROW_MAPPER).list();
    }

    /**
     * One page of {@link #needingTranslation(String, int, int)}: the waiting articles with an id above
     * {@code afterId}, oldest first, so that a reader walks the backlog a page at a time instead of loading it all.
     */
    public List<Article> needingTranslationAfter(String lang, int maxAttempts, long afterId, int limit) {
        return jdbc.sql("select a.* " + WAITING + " and a.id > ? order by a.id limit ?")
                .params(lang, maxAttempts, "%," + lang + ",%", afterId, limit).query(Articles.ROW_MAPPER).list();
    }

    /**
     * The waiting articles of {@link #needingTranslation(String, int, int)} with an id from {@code firstId} to
     * {@code lastId}, oldest first: one slice of a clustered run, read without loading the others.
     */
    public List<Article> needingTranslationBetween(String lang, int maxAttempts, long firstId, long lastId, int limit) {
        return jdbc.sql("select a.* " + WAITING + " and a.id between ? and ? order by a.id limit ?")
                .params(lang, maxAttempts, "%," + lang + ",%", firstId, lastId, limit).query(Articles.ROW_MAPPER).list();
    }

    /** The ids of {@link #needingTranslation(String, int, int)}, oldest first (to cut a run into slices). */
    public List<Long> idsNeedingTranslation(String lang, int maxAttempts, int limit) {
        return jdbc.sql("select a.id " + WAITING + " order by a.id limit ?")
                .params(lang, maxAttempts, "%," + lang + ",%", limit).query(Long.class).list();
    }

    /** How many articles still wait for a translation into {@code lang} (the backlog a run works through). */
    public long countNeedingTranslation(String lang, int maxAttempts) {
        return jdbc.sql("select count(*) " + WAITING)
                .params(lang, maxAttempts, "%," + lang + ",%").query(Long.class).single();
    }

    /** One page of a language's translations in the given states, oldest or worst first, optionally of one source. */
    public List<Translation> queue(String lang, List<TranslationState> states, Long sourceId, boolean byScore,
                                   int offset, int limit) {
        String in = String.join(",", states.stream().map(st -> "'" + st.name() + "'").toList());
        return jdbc.sql("""
                select t.* from translation t join article a on a.id = t.article_id and a.revision = t.revision
                where t.lang = ? and t.state in (%s) and (cast(? as bigint) is null or a.source_id = ?)
                order by %s, t.id
                limit ? offset ?""".formatted(in, byScore ? "coalesce(t.quality_score, 0)" : "t.created_at"))
                .params(lang, sourceId, sourceId, limit, offset).query(ROW).list();
    }

    public Optional<Translation> find(long articleId, int revision, String lang) {
        return jdbc.sql("select * from translation where article_id = ? and revision = ? and lang = ?")
                .params(articleId, revision, lang).query(ROW).optional();
    }

    public List<Translation> forArticle(long articleId) {
        return jdbc.sql("select * from translation where article_id = ? order by revision, lang")
                .param(articleId).query(ROW).list();
    }

    public List<StoredIssue> issues(long translationId) {
        return jdbc.sql("select * from quality_issue where translation_id = ? order by field, start_offset")
                .param(translationId)
                .query((rs, i) -> new StoredIssue(rs.getString("checker"), rs.getString("field"),
                        rs.getString("rule_id"), rs.getString("message"), rs.getInt("start_offset"),
                        rs.getInt("end_offset"), rs.getString("suggestion"), rs.getString("severity")))
                .list();
    }

    /**
     * The translations of current revisions in {@code lang} a feed may publish, newest first: those an editor approved
     * (with the editor's text) and the machine translations with no blocking issue (AUTO_APPROVED, or NEEDS_REVIEW with
     * no issue of severity {@value StoredIssue#BLOCKING_SEVERITY}), with the text the batch wrote and checked, never an
     * editor's draft. {@link PublishedEntry#reviewed()} tells them apart: a feed with the {@code reviewed} policy takes
     * only the reviewed ones. FAILED and REJECTED translations are never among them. When the French article was
     * corrected (a new revision), the approved translations of its earlier revisions are among them too: a feed keeps
     * the newest revision it may publish, so that a correction waiting for review does not make the article vanish
     * (its page answer 404) in the meantime. The publication date is the source's, clamped to the time the article
     * arrived (a date in the future is the source's clock, not news).
     */
    public List<PublishedEntry> publishable(String lang, int limit) {
        return jdbc.sql(PUBLISHABLE.formatted("") + " limit ?")
                .params(lang, StoredIssue.BLOCKING_SEVERITY, limit).query(ENTRY).list();
    }

    /** What {@link #publishable} gives of one article (every revision a feed may publish): an editor's change. */
    public List<PublishedEntry> publishableOf(String lang, long articleId) {
        return jdbc.sql(PUBLISHABLE.formatted("and t.article_id = ?"))
                .params(lang, articleId, StoredIssue.BLOCKING_SEVERITY).query(ENTRY).list();
    }

    private static final String PUBLISHABLE = """
                select t.article_id, t.revision, t.lang,
                       case when t.state = 'APPROVED' then t.title else t.machine_title end as title,
                       case when t.state = 'APPROVED' then t.summary else t.machine_summary end as summary,
                       case when t.state = 'APPROVED' then t.body else t.machine_body end as body,
                       t.engine, t.route, t.quality_score, t.state,
                       case when t.state = 'APPROVED' then t.updated_at else t.machine_at end as updated_at,
                       a.url, a.title as original_title, a.author,
                       case when a.published_at is null or a.published_at > a.created_at then a.created_at
                            else a.published_at end as published_at,
                       a.source_id, a.summary as original_summary, a.body as original_body, a.categories,
                       s.name as source_name, s.url as source_url, a.image_url, a.image_length, a.image_type
                from translation t join article a on a.id = t.article_id
                join source s on s.id = a.source_id
                where t.lang = ? %s
                  and ((t.revision = a.revision
                        and (t.state = 'APPROVED'
                             or (t.state in ('AUTO_APPROVED', 'NEEDS_REVIEW') and t.machine_body is not null
                                 and not exists (select 1 from quality_issue q where q.translation_id = t.id
                                                 and q.severity = ?))))
                       or (t.revision < a.revision and t.state = 'APPROVED'))
                order by coalesce(a.published_at, a.created_at) desc, a.id desc""";

    /** Number of translations per language and state. */
    public Map<String, Map<TranslationState, Long>> countsByLanguage() {
        Map<String, Map<TranslationState, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("select lang, state, count(*) as n from translation group by lang, state order by lang, state")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("lang"), k -> new LinkedHashMap<>())
                            .put(TranslationState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    public long count() {
        return jdbc.sql("select count(*) from translation").query(Long.class).single();
    }

    /** Average quality score per language and day since {@code since} (day as yyyy-mm-dd), for the dashboard. */
    public Map<String, Map<String, Double>> averageScoreByDay(OffsetDateTime since) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select lang, cast(created_at as date) as on_day, avg(quality_score) as score from translation
                where created_at >= ? and quality_score is not null
                group by lang, cast(created_at as date) order by lang, on_day""")
                .param(since)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("lang"), k -> new LinkedHashMap<>())
                            .put(rs.getDate("on_day").toLocalDate().toString(), rs.getDouble("score"));
                });
        return out;
    }

    /**
     * Tells publishing that {@code lang}'s published set may have changed (after machine translations were stored):
     * the event is recorded with this transaction and handled after it commits.
     */
    @Transactional
    public void announce(String lang) {
        events.publishEvent(new PublishedSetChanged(lang));
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
