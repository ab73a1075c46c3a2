package io.relais.article;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The text of an article's earlier revisions, to show what changed when a corrected article comes back. */
@Service
public class Revisions {

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
