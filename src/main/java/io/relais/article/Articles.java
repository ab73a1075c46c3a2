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

    /** Maps an {@code article} row (for queries that select {@code a.*} joined with other tables). */
    public static final RowMapper<Article> ROW_MAPPER = (rs, i) -> new Article(
            rs.getLong("id"), rs.getLong("source_id"), rs.getString("external_id"), rs.getString("url"),
            rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("author"),
            rs.getObject("published_at", OffsetDateTime.class), rs.getString("content_hash"),
            rs.getInt("revision"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public StoreResult store(NewArticle incoming) {
        String hash = ContentHash.of(incoming.title(), incoming.summary(), incoming.body());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<Article> known = jdbc.sql("select * from article where source_id = ? and external_id = ? for update")
                .params(incoming.sourceId(), incoming.externalId()).query(ROW_MAPPER).optional();
        if (known.isPresent() && known.get().contentHash().equals(hash)) {
            return new StoreResult(known.get().id(), known.get().revision(), StoreResult.Outcome.UNCHANGED);
        }
        long id;
        int revision;
        if (known.isEmpty()) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into article (source_id, external_id, url, title, summary, body, author, published_at,
                                         content_hash, revision, created_at, updated_at, categories)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                    .params(incoming.sourceId(), incoming.externalId(), incoming.url(), incoming.title(),
                            incoming.summary(), incoming.body(), incoming.author(), incoming.publishedAt(), hash, now, now,
                            joinedCategories(incoming))
                    .update(key, "id");
            id = key.getKeyAs(Long.class) != null ? key.getKeyAs(Long.class) : key.getKey().longValue();
            revision = 1;
        } else {
            id = known.get().id();
            revision = known.get().revision() + 1;
            jdbc.sql("""
                    update article set url = ?, title = ?, summary = ?, body = ?, author = ?, published_at = ?,
                                       content_hash = ?, revision = ?, updated_at = ?, categories = ?
                    where id = ?""")
                    .params(incoming.url(), incoming.title(), incoming.summary(), incoming.body(), incoming.author(),
                            incoming.publishedAt(), hash, revision, now, joinedCategories(incoming), id)
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

    /**
     * What is known of the main image of an article's revision: its address, size in bytes and media type (from a
     * HEAD request). Ignored when the article has moved on to another revision meanwhile.
     */
    public void recordMainImage(long articleId, int revision, String url, long length, String type) {
        jdbc.sql("update article set image_url = ?, image_length = ?, image_type = ? where id = ? and revision = ?")
                .params(url, length, type, articleId, revision).update();
    }

    public Optional<Article> find(long id) {
        return jdbc.sql("select * from article where id = ?").param(id).query(ROW_MAPPER).optional();
    }

    /** The article a source knows by this external id (its GUID, link or pushed id). */
    public Optional<Article> find(long sourceId, String externalId) {
        return jdbc.sql("select * from article where source_id = ? and external_id = ?").params(sourceId, externalId)
                .query(ROW_MAPPER).optional();
    }

    public List<Article> findAll(int limit) {
        return jdbc.sql("select * from article order by id desc limit ?").param(limit).query(ROW_MAPPER).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    /** The raw payload a revision was read from, as received. */
    public Optional<byte[]> rawPayload(long articleId, int revision) {
        return jdbc.sql("select raw_payload from article_revision where article_id = ? and revision = ?")
                .params(articleId, revision).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /** Categories as stored: one a line (null when there are none). */
    private static String joinedCategories(NewArticle incoming) {
        return incoming.categories().isEmpty() ? null : String.join("\n", incoming.categories());
    }
}
