package io.relais.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** Nothing is dropped silently: whatever cannot be ingested is kept here with its reason and raw payload. */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final String SELECT = """
            select id, origin, reason, content_type, coalesce(length(raw_payload), 0) as bytes, created_at
            from dead_letter""";
    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(rs.getLong("id"), rs.getString("origin"),
            rs.getString("reason"), rs.getString("content_type"), rs.getInt("bytes"),
            rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("relais.dead.letters", this, DeadLetters::count)
                .description("Things that could not be ingested, kept with their reason").register(meters);
    }

    public long record(String origin, String reason, byte[] payload, String contentType) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dead_letter (origin, reason, raw_payload, content_type, created_at) values (?, ?, ?, ?, ?)")
                .params(cut(origin, 2000), cut(reason, 4000), payload, cut(contentType, 200),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        log.warn("Dead letter #{} from {}: {}", id, origin, reason);
        return id;
    }

    public List<DeadLetter> recent(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(ROW).list();
    }

    public Optional<byte[]> payload(long id) {
        return jdbc.sql("select raw_payload from dead_letter where id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ROW).optional();
    }

    public boolean discard(long id) {
        return jdbc.sql("delete from dead_letter where id = ?").param(id).update() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from dead_letter").query(Long.class).single();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
