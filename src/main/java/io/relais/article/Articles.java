package io.relais.article;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The article store: dedupe on (source, external id), a new revision when the content changes. */
@Service
public class Articles {

    private static final RowMapper<Article> ROW = (rs, i) -> new Article(
            rs.getLong("id"), rs.getLong("source_id"), rs.getString("external_id"), rs.getString("url"),
            rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("author"),
            rs.getObject("published_at", OffsetDateTime.class), rs.getString("content_hash"),
            rs.getInt("revision"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));

    /** Articles whose current revision still waits for a translation into a language (parameters: lang, max attempts, lang pattern). */
    private static final String WAITING = """
            from article a
            join source s on s.id = a.source_id
            left join translation t on t.article_id = a.id and t.revision = a.revision and t.lang = ?
            where (t.id is null or (t.state = 'FAILED' and t.attempts < ?))
              and (s.languages is null or ',' || s.languages || ',' like ?)""";

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public StoreResult store(NewArticle incoming) {
        String hash = ContentHash.of(incoming.title(), incoming.summary(), incoming.body());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<Article> known = jdbc.sql("select * from article where source_id = ? and external_id = ? for update")
                .params(incoming.sourceId(), incoming.externalId()).query(ROW).optional();
        if (known.isPresent() && known.get().contentHash().equals(hash)) {
            return new StoreResult(known.get().id(), known.get().revision(), StoreResult.Outcome.UNCHANGED);
        }
        long id;
        int revision;
        if (known.isEmpty()) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into article (source_id, external_id, url, title, summary, body, author, published_at,
                                         content_hash, revision, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                    .params(incoming.sourceId(), incoming.externalId(), incoming.url(), incoming.title(),
                            incoming.summary(), incoming.body(), incoming.author(), incoming.publishedAt(), hash, now, now)
                    .update(key, "id");
            id = key.getKeyAs(Long.class) != null ? key.getKeyAs(Long.class) : key.getKey().longValue();
            revision = 1;
        } else {
            id = known.get().id();
            revision = known.get().revision() + 1;
            jdbc.sql("""
                    update article set url = ?, title = ?, summary = ?, body = ?, author = ?, published_at = ?,
                                       content_hash = ?, revision = ?, updated_at = ?
                    where id = ?""")
                    .params(incoming.url(), incoming.title(), incoming.summary(), incoming.body(), incoming.author(),
                            incoming.publishedAt(), hash, revision, now, id)
                    .update();
        }
        jdbc.sql("""
                insert into article_revision (article_id, revision, title, summary, body, content_hash,
                                              raw_payload, raw_content_type, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, revision, incoming.title(), incoming.summary(), incoming.body(), hash,
                        incoming.rawPayload(), incoming.rawContentType(), now)
                .update();
        return new StoreResult(id, revision,
                known.isEmpty() ? StoreResult.Outcome.CREATED : StoreResult.Outcome.REVISED);
    }

    public Optional<Article> find(long id) {
        return jdbc.sql("select * from article where id = ?").param(id).query(ROW).optional();
    }

    public List<Article> findAll(int limit) {
        return jdbc.sql("select * from article order by id desc limit ?").param(limit).query(ROW).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    /** How many articles still wait for a translation into {@code lang} (the backlog a run works through). */
    public long countNeedingTranslation(String lang, int maxAttempts) {
        return jdbc.sql("select count(*) " + WAITING)
                .params(lang, maxAttempts, "%," + lang + ",%").query(Long.class).single();
    }

    /** The raw payload a revision was read from, as received. */
    public Optional<byte[]> rawPayload(long articleId, int revision) {
        return jdbc.sql("select raw_payload from article_revision where article_id = ? and revision = ?")
                .params(articleId, revision).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /**
     * Articles whose current revision has no translation into {@code lang} yet, or only a failed one that
     * may be retried, oldest first; only from sources translated into {@code lang}.
     */
    public List<Article> needingTranslation(String lang, int maxAttempts, int limit) {
        return jdbc.sql("select a.* " + WAITING + " order by a.id limit ?")
                .params(lang, maxAttempts, "%," + lang + ",%", limit).query(ROW).list();
    }

    /**
     * One page of {@link #needingTranslation(String, int, int)}: the waiting articles with an id above
     * {@code afterId}, oldest first, so that a reader walks the backlog a page at a time instead of loading it all.
     */
    public List<Article> needingTranslationAfter(String lang, int maxAttempts, long afterId, int limit) {
        return jdbc.sql("select a.* " + WAITING + " and a.id > ? order by a.id limit ?")
                .params(lang, maxAttempts, "%," + lang + ",%", afterId, limit).query(ROW).list();
    }
}
