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
            rs.getString("last_error"), rs.getInt("consecutive_failures"));

    private final JdbcClient jdbc;

    Sources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The source with this URL, registered on first use; name and interval are updated from configuration. */
    @Transactional
    public Source register(String url, Source.Kind kind, String name, int pollIntervalSeconds) {
        Optional<Source> known = findByUrl(url);
        if (known.isPresent()) {
            jdbc.sql("update source set name = ?, poll_interval_seconds = ? where id = ?")
                    .params(name, pollIntervalSeconds, known.get().id()).update();
        } else {
            jdbc.sql("insert into source (url, kind, name, poll_interval_seconds) values (?, ?, ?, ?)")
                    .params(url, kind.name(), name, pollIntervalSeconds).update();
        }
        return findByUrl(url).orElseThrow();
    }

    /** The source with this URL, registered on first use and otherwise left as it is. */
    public Source ensure(String url, Source.Kind kind, String name) {
        return findByUrl(url).orElseGet(() -> register(url, kind, name, 0));
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
                                  last_error = null, consecutive_failures = 0
                where id = ?""").params(etag, lastModified, now, now, id).update();
    }

    public void recordNotModified(long id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("update source set last_polled_at = ?, last_success_at = ?, last_error = null, consecutive_failures = 0 where id = ?")
                .params(now, now, id).update();
    }

    public void recordFailure(long id, String error) {
        jdbc.sql("""
                update source set last_polled_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1
                where id = ?""").params(OffsetDateTime.now(ZoneOffset.UTC), abbreviate(error, 4000), id).update();
    }

    static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
