package io.relais.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The text of an article's earlier revisions, to show what changed when a corrected article comes back. */
@Service
public class Revisions {

    /** When a revision arrived and how it came (the raw payload's content type). */
    public record Arrival(int revision, String title, String contentType, int rawBytes, OffsetDateTime at) {
    }

    /** Every revision of an article, oldest first. */
    public List<Arrival> arrivals(long articleId) {
        return jdbc.sql("""
                select revision, title, raw_content_type, coalesce(length(raw_payload), 0) as bytes, created_at
                from article_revision where article_id = ? order by revision""")
                .param(articleId)
                .query((rs, i) -> new Arrival(rs.getInt("revision"), rs.getString("title"),
                        rs.getString("raw_content_type"), rs.getInt("bytes"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** One revision's French title, summary and body. */
    public record Text(int revision, String title, String summary, String body) {
    }

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Text> find(long articleId, int revision) {
        return jdbc.sql("select revision, title, summary, body from article_revision where article_id = ? and revision = ?")
                .params(articleId, revision)
                .query((rs, i) -> new Text(rs.getInt("revision"), rs.getString("title"), rs.getString("summary"),
                        rs.getString("body")))
                .optional();
    }
}
