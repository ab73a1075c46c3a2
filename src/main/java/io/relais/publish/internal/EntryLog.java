package io.relais.publish.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relais.article.ArticleTraces;
import io.relais.translation.PublishedEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publishing log of each language ({@code feed_entry}): a row for every version of a translation as it entered
 * the language's feed and a withdrawal row when it left. Rows are only ever appended, so the n-th page of a
 * language's rows never changes: that is what makes the RFC 5005 archives stable.
 */
@Repository
public class EntryLog {

    /** A logged version of an entry: its row id (publication order) and the entry as it was published. */
    public record Logged(long id, PublishedEntry entry, Instant loggedAt) {
    }

    /** What a language's published set looks like in the log: its newest row and last change. */
    public record Mark(long highWater, Instant changedAt) {
        static final Mark EMPTY = new Mark(0, Instant.EPOCH);
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
                rs.getObject("logged_at", OffsetDateTime.class).toInstant());
    }

    /**
     * Brings the log of {@code lang} in line with its published set: appends the entries that are new or changed
     * (oldest first, so that publication order follows the articles' dates on a first run) and withdraws those
     * that left. Returns how many rows were appended. Safe to run on several nodes at once: a row another node
     * appended first is skipped.
     */
    public int sync(String lang, List<PublishedEntry> published) {
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.sql("""
                select f.id, f.article_id, f.version_key, f.withdrawn from feed_entry f
                where f.lang = ? and f.id = (select max(g.id) from feed_entry g where g.lang = f.lang and g.article_id = f.article_id)""")
                .param(lang)
                .query((rs, i) -> new Latest(rs.getLong("id"), rs.getLong("article_id"), rs.getString("version_key"),
                        rs.getBoolean("withdrawn")))
                .list().forEach(l -> latest.put(l.articleId(), l));
        List<PublishedEntry> oldestFirst = new ArrayList<>(published);
        oldestFirst.sort(Comparator.comparing((PublishedEntry e) -> e.publishedAt() != null ? e.publishedAt() : e.updatedAt())
                .thenComparingLong(PublishedEntry::articleId));
        int appended = 0;
        Set<Long> present = new HashSet<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (PublishedEntry entry : oldestFirst) {
            present.add(entry.articleId());
            String snapshot = json.writeValueAsString(entry);
            String key = entry.revision() + ":" + sha256(snapshot).substring(0, 32);
            Latest last = latest.get(entry.articleId());
            if (last != null && !last.withdrawn() && last.versionKey().equals(key)) {
                continue;
            }
            // the article's trace ends here: its entry is in the language's feeds
            appended += traces.continued(entry.articleId(), "relais.article.publish", Map.of("relais.lang", lang),
                    () -> append(lang, entry.articleId(), key, false, snapshot, now));
        }
        for (Latest last : latest.values()) {
            if (!last.withdrawn() && !present.contains(last.articleId())) {
                appended += traces.continued(last.articleId(), "relais.article.withdraw", Map.of("relais.lang", lang),
                        () -> append(lang, last.articleId(), "withdrawn:" + last.id(), true, null, now));
            }
        }
        return appended;
    }

    private int append(String lang, long articleId, String key, boolean withdrawn, String snapshot, OffsetDateTime at) {
        try {
            return jdbc.sql("""
                    insert into feed_entry (lang, article_id, version_key, withdrawn, snapshot, logged_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(lang, articleId, key, withdrawn, snapshot, at).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return 0;
        }
    }

    /** The newest {@code limit} entries currently published in {@code lang}, newest first. */
    public List<Logged> current(String lang, int limit) {
        return jdbc.sql("""
                select f.id, f.snapshot, f.logged_at from feed_entry f
                where f.lang = ? and f.withdrawn = false
                  and f.id = (select max(g.id) from feed_entry g where g.lang = f.lang and g.article_id = f.article_id)
                order by f.id desc limit ?""")
                .params(lang, limit).query(logged()).list();
    }

    /** Number of entry versions ever logged in {@code lang} (withdrawals not counted): what archive pages cut. */
    public long versions(String lang) {
        return jdbc.sql("select count(*) from feed_entry where lang = ? and withdrawn = false")
                .param(lang).query(Long.class).single();
    }

    /** The {@code page}-th (1-based) block of {@code size} entry versions of {@code lang}, oldest first. */
    public List<Logged> page(String lang, long page, int size) {
        return jdbc.sql("""
                select id, snapshot, logged_at from feed_entry where lang = ? and withdrawn = false
                order by id limit ? offset ?""")
                .params(lang, size, (page - 1) * size).query(logged()).list();
    }

    /** Articles whose entry in {@code lang} is withdrawn now, with the time they were withdrawn. */
    public Map<Long, Instant> withdrawn(String lang) {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.sql("""
                select f.article_id, f.logged_at from feed_entry f
                where f.lang = ? and f.withdrawn = true
                  and f.id = (select max(g.id) from feed_entry g where g.lang = f.lang and g.article_id = f.article_id)""")
                .param(lang)
                .query(rs -> {
                    out.put(rs.getLong("article_id"), rs.getObject("logged_at", OffsetDateTime.class).toInstant());
                });
        return out;
    }

    /** The current entry of an article in every language it is published in, by language. */
    public Map<String, PublishedEntry> publishedVersions(long articleId) {
        Map<String, PublishedEntry> out = new TreeMap<>();
        jdbc.sql("""
                select f.id, f.snapshot, f.logged_at from feed_entry f
                where f.article_id = ? and f.withdrawn = false
                  and f.id = (select max(g.id) from feed_entry g where g.lang = f.lang and g.article_id = f.article_id)""")
                .param(articleId).query(logged()).list()
                .forEach(l -> out.put(l.entry().lang(), l.entry()));
        return out;
    }

    /** Newest row and last change of every language that has a log, for cache checks across nodes. */
    public Map<String, Mark> marks() {
        Map<String, Mark> out = new HashMap<>();
        jdbc.sql("select lang, max(id) as high, max(logged_at) as changed from feed_entry group by lang")
                .query(rs -> {
                    out.put(rs.getString("lang"), new Mark(rs.getLong("high"),
                            rs.getObject("changed", OffsetDateTime.class).toInstant()));
                });
        return out;
    }

    public Mark mark(String lang) {
        return marks().getOrDefault(lang, Mark.EMPTY);
    }

    private record Latest(long id, long articleId, String versionKey, boolean withdrawn) {
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
