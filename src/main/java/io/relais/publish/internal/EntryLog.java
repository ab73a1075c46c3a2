package io.relais.publish.internal;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relais.article.ArticleTraces;
import io.relais.publish.FeedView;
import io.relais.publish.Presentation;
import io.relais.translation.PublishedEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publishing log ({@code feed_entry}): for each feed — a language's public feed (key {@code es}) or a partner's
 * feed of a language (key {@code p42/es}) — a row for every version of an entry as it entered that feed, and a
 * withdrawal row when it left. Rows are only ever appended, so the n-th page of a feed's rows never changes: that is
 * what makes the RFC 5005 archives stable, whatever the feed's policy or filters become later.
 */
@Repository
public class EntryLog {

    /**
     * A logged version of an entry: its row id (publication order), the entry as it was published, when, and how it
     * was presented ({@link Presentation#of}).
     */
    public record Logged(long id, PublishedEntry entry, Instant loggedAt, String presentation) {

        /** The entry as its feed carries it. */
        public PublishedEntry presented() {
            return Presentation.of(presentation).apply(entry);
        }
    }

    /** What a feed looks like in the log: its newest row and last change. */
    public record Mark(long highWater, Instant changedAt) {
        static final Mark EMPTY = new Mark(0, Instant.EPOCH);
    }

    /**
     * An entry ready to be logged: its snapshot (JSON) and version key, computed once for every feed it goes to, and
     * the presentation it goes there in (null: everything). A change of presentation is a new version.
     */
    public record Candidate(PublishedEntry entry, String snapshot, String versionKey, String presentation) {

        public Candidate presentedAs(Presentation how) {
            String code = how.code();
            return new Candidate(entry, snapshot, code == null ? versionKey : versionKey + ":" + code, code);
        }
    }

    private final JdbcClient jdbc;
    private final ArticleTraces traces;
    private final JsonMapper json = JsonMapper.builder().build();

    EntryLog(JdbcClient jdbc, ArticleTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    private RowMapper<Logged> logged() {
        return (rs, i) -> new Logged(rs.getLong("id"), json.readValue(rs.getString("snapshot"), PublishedEntry.class),
                rs.getObject("logged_at", OffsetDateTime.class).toInstant(), rs.getString("presentation"));
    }

    /** The entries as the log compares and stores them, oldest first (so that a first run logs them in date order). */
    public List<Candidate> candidates(List<PublishedEntry> entries) {
        List<PublishedEntry> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(Comparator.comparing((PublishedEntry e) -> e.publishedAt() != null ? e.publishedAt() : e.updatedAt())
                .thenComparingLong(PublishedEntry::articleId));
        List<Candidate> out = new ArrayList<>(oldestFirst.size());
        for (PublishedEntry entry : oldestFirst) {
            String snapshot = json.writeValueAsString(entry);
            // the image's measure is not what makes a version: measured after publication, it waits for the next one
            String identity = entry.mainImage() == null ? snapshot : json.writeValueAsString(entry.withMainImage(null));
            out.add(new Candidate(entry, snapshot, entry.revision() + ":" + sha256(identity).substring(0, 32), null));
        }
        return out;
    }

    /**
     * Brings the log of {@code feed} in line with what it publishes now: appends the entries that are new or changed
     * (in the candidates' order) and withdraws those that left. Returns how many rows were appended. Safe to run on
     * several nodes at once: a row another node appended first is skipped.
     */
    public int sync(String feed, String lang, List<Candidate> publishing) {
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.sql("""
                select f.id, f.article_id, f.version_key, f.withdrawn from feed_entry f
                where f.feed = ? and f.id = (select max(g.id) from feed_entry g where g.feed = f.feed and g.article_id = f.article_id)""")
                .param(feed)
                .query(LATEST)
                .list().forEach(l -> latest.put(l.articleId(), l));
        return reconcile(feed, lang, latest, publishing);
    }

    /**
     * {@link #sync} for some articles only ({@code publishing}: what the feed publishes of them): what an editor's
     * change of one article logs, without reading what the language ever published.
     */
    public int syncArticles(String feed, String lang, Set<Long> articles, List<Candidate> publishing) {
        Map<Long, Latest> latest = new HashMap<>();
        for (long article : articles) {
            jdbc.sql("""
                    select id, article_id, version_key, withdrawn from feed_entry
                    where feed = ? and article_id = ? order by id desc limit 1""")
                    .params(feed, article).query(LATEST).optional().ifPresent(l -> latest.put(article, l));
        }
        return reconcile(feed, lang, latest, publishing.stream()
                .filter(c -> articles.contains(c.entry().articleId())).toList());
    }

    private static final RowMapper<Latest> LATEST = (rs, i) -> new Latest(rs.getLong("id"), rs.getLong("article_id"),
            rs.getString("version_key"), rs.getBoolean("withdrawn"));

    /** Appends what is new or changed in {@code publishing} and withdraws what left it, against {@code latest}. */
    private int reconcile(String feed, String lang, Map<Long, Latest> latest, List<Candidate> publishing) {
        int appended = 0;
        Set<Long> present = new HashSet<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Candidate candidate : publishing) {
            long articleId = candidate.entry().articleId();
            present.add(articleId);
            Latest last = latest.get(articleId);
            if (last != null && !last.withdrawn() && sameVersion(last.versionKey(), candidate.versionKey())) {
                continue;
            }
            // a version that follows another row of the article names that row: the same version can come back (an
            // approval undone brings the machine's text back, a withdrawn entry returns), and the key is unique per
            // feed — with the bare key it was not logged, and the feed kept the text taken back
            String key = last != null ? candidate.versionKey() + AFTER + last.id() : candidate.versionKey();
            // the article's trace ends here: its entry is in the feed
            appended += traces.continued(articleId, "relais.article.publish", Map.of("relais.lang", lang),
                    () -> append(feed, lang, articleId, key, false, candidate.snapshot(),
                            candidate.presentation(), now));
        }
        for (Latest last : latest.values()) {
            if (!last.withdrawn() && !present.contains(last.articleId())) {
                appended += traces.continued(last.articleId(), "relais.article.withdraw", Map.of("relais.lang", lang),
                        () -> append(feed, lang, last.articleId(), "withdrawn:" + last.id(), true, null, null, now));
            }
        }
        return appended;
    }

    /** What a version's key is followed by when it follows another row of its article (that row). */
    private static final String AFTER = "@after:";

    /** A logged key is the candidate's version, following another row or not. */
    private static boolean sameVersion(String logged, String candidate) {
        return logged.equals(candidate) || logged.startsWith(candidate + AFTER);
    }

    private int append(String feed, String lang, long articleId, String key, boolean withdrawn, String snapshot,
                       String presentation, OffsetDateTime at) {
        // a row another node (or another editor's transaction) appended first is skipped, without an error: inside
        // an editor's transaction one would end it on PostgreSQL
        return jdbc.sql("""
                insert into feed_entry (feed, lang, article_id, version_key, withdrawn, snapshot, presentation, logged_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(feed, lang, articleId, key, withdrawn, snapshot, presentation, at).update();
    }

    /** The newest {@code limit} entries {@code feed} publishes now, newest first. */
    public List<Logged> current(String feed, int limit) {
        return jdbc.sql("""
                select f.id, f.snapshot, f.logged_at, f.presentation from feed_entry f
                where f.feed = ? and f.withdrawn = false
                  and f.id = (select max(g.id) from feed_entry g where g.feed = f.feed and g.article_id = f.article_id)
                order by f.id desc limit ?""")
                .params(feed, limit).query(logged()).list();
    }

    /**
     * The entries of {@code feed} whose latest row is a withdrawal logged at {@code since} or later (withdrawn and not
     * published again since), newest first, at most {@code limit}.
     */
    public List<FeedView.Withdrawal> withdrawals(String feed, Instant since, int limit) {
        return jdbc.sql("""
                select f.article_id, f.logged_at from feed_entry f
                where f.feed = ? and f.withdrawn = true and f.logged_at >= ?
                  and f.id = (select max(g.id) from feed_entry g where g.feed = f.feed and g.article_id = f.article_id)
                order by f.id desc limit ?""")
                .params(feed, since.atOffset(ZoneOffset.UTC), limit)
                .query((rs, i) -> new FeedView.Withdrawal(rs.getLong("article_id"),
                        rs.getObject("logged_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Whether some feed ever published the article in {@code lang} (null: in any language): a page that existed
     * once. The log keeps every version, so this stays true after the entry was withdrawn.
     */
    public boolean everPublished(long articleId, String lang) {
        if (lang == null) {
            return jdbc.sql("select count(*) from feed_entry where article_id = ? and withdrawn = false")
                    .param(articleId).query(Long.class).single() > 0;
        }
        return jdbc.sql("select count(*) from feed_entry where article_id = ? and lang = ? and withdrawn = false")
                .params(articleId, lang).query(Long.class).single() > 0;
    }

    /** Number of entry versions ever logged in {@code feed} (withdrawals not counted): what archive pages cut. */
    public long versions(String feed) {
        return jdbc.sql("select count(*) from feed_entry where feed = ? and withdrawn = false")
                .param(feed).query(Long.class).single();
    }

    /**
     * The {@code page}-th (1-based) block of {@code size} entry versions of {@code feed}, oldest first, without the
     * versions withdrawn before the block's last version was logged (an approval undone, a translation sent back,
     * while the page was still being filled): an archive page is served only once its block is complete, so it
     * was never served with them, and nothing withdrawn becomes readable in it later. A withdrawal logged after the
     * block was complete leaves the page as it is (RFC 5005: an archive page never changes, partners cache it).
     */
    public List<Logged> page(String feed, long page, int size) {
        List<Logged> block = jdbc.sql("""
                select id, snapshot, logged_at, presentation from feed_entry where feed = ? and withdrawn = false
                order by id limit ? offset ?""")
                .params(feed, size, (page - 1) * size).query(logged()).list();
        if (block.isEmpty()) {
            return block;
        }
        Map<Long, Long> lastWithdrawal = new HashMap<>();
        jdbc.sql("select article_id, max(id) as w from feed_entry where feed = ? and withdrawn = true and id > ? and id < ?"
                        + " group by article_id")
                .params(feed, block.get(0).id(), block.get(block.size() - 1).id())
                .query(rs -> {
                    lastWithdrawal.put(rs.getLong("article_id"), rs.getLong("w"));
                });
        return block.stream().filter(l -> lastWithdrawal.getOrDefault(l.entry().articleId(), 0L) < l.id()).toList();
    }

    /**
     * The current entry of an article in each language, among the given feeds: the newest version any of them
     * publishes now (by language). Empty when none publishes it.
     */
    public Map<String, PublishedEntry> publishedVersions(long articleId, Collection<String> feeds) {
        Map<String, Logged> newest = new TreeMap<>();
        if (feeds.isEmpty()) {
            return Map.of();
        }
        String in = String.join(",", Collections.nCopies(feeds.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(articleId);
        params.addAll(feeds);
        jdbc.sql("""
                select f.id, f.snapshot, f.logged_at, f.presentation from feed_entry f
                where f.article_id = ? and f.withdrawn = false and f.feed in (%s)
                  and f.id = (select max(g.id) from feed_entry g where g.feed = f.feed and g.article_id = f.article_id)"""
                        .formatted(in))
                .params(params).query(logged()).list()
                .forEach(l -> newest.merge(l.entry().lang(), l, (a, b) -> a.id() > b.id() ? a : b));
        Map<String, PublishedEntry> out = new TreeMap<>();
        newest.forEach((lang, l) -> out.put(lang, l.entry()));
        return out;
    }

    /** The newest row's id, whatever its feed (0: none yet). */
    long highWater() {
        return jdbc.sql("select coalesce(max(id), 0) from feed_entry").query(Long.class).single();
    }

    /** The feeds with rows after {@code id}. */
    List<String> feedsAfter(long id) {
        return jdbc.sql("select distinct feed from feed_entry where id > ?").param(id).query(String.class).list();
    }

    /** A row's id and feed. */
    record Row(long id, String feed) {
    }

    /** The rows after {@code id}, oldest first: their ids and feeds. */
    List<Row> rowsAfter(long id) {
        return jdbc.sql("select id, feed from feed_entry where id > ? order by id").param(id)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("feed"))).list();
    }

    public Mark mark(String feed) {
        return jdbc.sql("select max(id) as high, max(logged_at) as changed from feed_entry where feed = ?")
                .param(feed)
                .query((rs, i) -> rs.getObject("changed") == null ? Mark.EMPTY
                        : new Mark(rs.getLong("high"), rs.getObject("changed", OffsetDateTime.class).toInstant()))
                .single();
    }

    /**
     * When {@code feed} was first kept: the date an empty feed gives (the same after every restart). Recorded the
     * first time it is asked for.
     */
    public Instant since(String feed) {
        Optional<OffsetDateTime> known = jdbc.sql("select created_at from feed_state where feed = ?").param(feed)
                .query(OffsetDateTime.class).optional();
        if (known.isPresent()) {
            return known.get().toInstant();
        }
        try {
            jdbc.sql("insert into feed_state (feed, created_at) values (?, ?)")
                    .params(feed, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                    .update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // read below
        }
        return jdbc.sql("select created_at from feed_state where feed = ?").param(feed)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private record Latest(long id, long articleId, String versionKey, boolean withdrawn) {
    }

    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }
}
