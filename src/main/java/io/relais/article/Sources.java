package io.relais.article;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registered sources and their polling health. */
@Service
public class Sources {

    private static final RowMapper<Source> ROW = (rs, i) -> new Source(
            rs.getLong("id"), rs.getString("url"), Source.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
            rs.getInt("poll_interval_seconds"), rs.getString("etag"), rs.getString("last_modified"),
            rs.getObject("last_polled_at", OffsetDateTime.class), rs.getObject("last_success_at", OffsetDateTime.class),
            rs.getString("last_error"), rs.getInt("consecutive_failures"), rs.getBoolean("paused"),
            rs.getBoolean("fetch_full_article"), rs.getObject("next_poll_at", OffsetDateTime.class),
            rs.getString("languages") == null ? null : List.of(rs.getString("languages").split(",")));

    private final JdbcClient jdbc;

    Sources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The source with this URL, registered on first use; name and interval are updated from configuration. One
     * statement decides whether it is new: every node of a cluster registers the configured sources as it starts, and
     * a look-then-insert let two nodes starting together both insert (the second failed on the unique URL and stopped
     * registering the sources after it).
     */
    public Source register(String url, Source.Kind kind, String name, int pollIntervalSeconds) {
        if (!insertIfAbsent(url, kind, name, pollIntervalSeconds)) {
            jdbc.sql("update source set name = ?, poll_interval_seconds = ? where url = ?")
                    .params(name, pollIntervalSeconds, url).update();
        }
        return findByUrl(url).orElseThrow();
    }

    /**
     * The source with this URL, registered on first use and otherwise left as it is (two first uses at once: one
     * registers it, the other finds it).
     */
    public Source ensure(String url, Source.Kind kind, String name) {
        Optional<Source> known = findByUrl(url);   // the usual case, without an insert attempt
        if (known.isPresent()) {
            return known.get();
        }
        insertIfAbsent(url, kind, name, 0);
        return findByUrl(url).orElseThrow();
    }

    /** Registers a source unless one has this URL (another node may be registering it now); true if this call did. */
    private boolean insertIfAbsent(String url, Source.Kind kind, String name, int pollIntervalSeconds) {
        return jdbc.sql("insert into source (url, kind, name, poll_interval_seconds) values (?, ?, ?, ?) "
                + "on conflict do nothing").params(url, kind.name(), name, pollIntervalSeconds).update() == 1;
    }

    public Optional<Source> find(long id) {
        return jdbc.sql("select * from source where id = ?").param(id).query(ROW).optional();
    }

    public Optional<Source> findByUrl(String url) {
        return jdbc.sql("select * from source where url = ?").param(url).query(ROW).optional();
    }

    public List<Source> findAll() {
        return jdbc.sql("select * from source order by id").query(ROW).list();
    }

    public void recordSuccess(long id, String etag, String lastModified) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                update source set etag = ?, last_modified = ?, last_polled_at = ?, last_success_at = ?,
                                  last_error = null, consecutive_failures = 0, next_poll_at = null
                where id = ?""").params(etag, lastModified, now, now, id).update();
    }

    public void recordNotModified(long id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                update source set last_polled_at = ?, last_success_at = ?, last_error = null, consecutive_failures = 0,
                                  next_poll_at = null
                where id = ?""").params(now, now, id).update();
    }

    /** A failed poll; the source is not polled again before {@code nextPollAt} (null: at its next tick). */
    public void recordFailure(long id, String error, OffsetDateTime nextPollAt) {
        jdbc.sql("""
                update source set last_polled_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,
                                  next_poll_at = ?
                where id = ?""").params(OffsetDateTime.now(ZoneOffset.UTC), abbreviate(error, 4000), nextPollAt, id)
                .update();
    }

    /**
     * The fetched content could not be used: forget the validators so that the next poll fetches it again instead of
     * getting a 304 for the same broken content, and hold the source back until {@code nextPollAt}.
     */
    public void recordUnusableContent(long id, String error, OffsetDateTime nextPollAt) {
        jdbc.sql("""
                update source set etag = null, last_modified = null, last_polled_at = ?, last_error = ?,
                                  consecutive_failures = consecutive_failures + 1, next_poll_at = ?
                where id = ?""").params(OffsetDateTime.now(ZoneOffset.UTC), abbreviate(error, 4000), nextPollAt, id)
                .update();
    }

    /** The next poll of this source fetches everything again (no ETag / Last-Modified sent). */
    public void forgetValidators(long id) {
        jdbc.sql("update source set etag = null, last_modified = null where id = ?").param(id).update();
    }

    /**
     * A new feed source; empty when one has this URL already (added meanwhile by another operator or node: the insert
     * decides, a look before it could not).
     */
    public Optional<Source> create(String url, String name, int pollIntervalSeconds, boolean fetchFullArticle) {
        if (jdbc.sql("""
                        insert into source (url, kind, name, poll_interval_seconds, fetch_full_article)
                        values (?, 'FEED', ?, ?, ?) on conflict do nothing""")
                .params(url, name, pollIntervalSeconds, fetchFullArticle).update() == 0) {
            return Optional.empty();
        }
        return findByUrl(url);
    }

    public Source update(long id, String name, int pollIntervalSeconds, boolean paused, boolean fetchFullArticle) {
        jdbc.sql("update source set name = ?, poll_interval_seconds = ?, paused = ?, fetch_full_article = ? where id = ?")
                .params(name, pollIntervalSeconds, paused, fetchFullArticle, id).update();
        return find(id).orElseThrow();
    }

    /** The languages this source's articles are translated into; null or empty: every configured language. */
    public Source updateLanguages(long id, List<String> languages) {
        jdbc.sql("update source set languages = ? where id = ?")
                .params(languages == null || languages.isEmpty() ? null : String.join(",", languages), id).update();
        return find(id).orElseThrow();
    }

    /** Deletes a source that has no articles; returns the number of articles that prevent it otherwise. */
    @Transactional
    public long deleteIfEmpty(long id) {
        long articles = jdbc.sql("select count(*) from article where source_id = ?").param(id).query(Long.class).single();
        if (articles == 0) {
            jdbc.sql("delete from source where id = ?").param(id).update();
        }
        return articles;
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
