package io.relais.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.codec.digest.DigestUtils;
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
            select id, origin, reason, content_type, coalesce(length(raw_payload), 0) as bytes, created_at, retried_at,
                   retry_of
            from dead_letter""";
    private static final RowMapper<DeadLetter> ROW = (rs, i) -> new DeadLetter(rs.getLong("id"), rs.getString("origin"),
            rs.getString("reason"), rs.getString("content_type"), rs.getInt("bytes"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("retried_at", OffsetDateTime.class),
            (Long) rs.getObject("retry_of", Long.class));

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("relais.dead.letters", this, DeadLetters::count)
                .description("Things that could not be ingested and wait for the operator (retried ones not counted)").register(meters);
    }

    /**
     * Keeps what could not be ingested. When the same bytes from the same origin were retried and fail again, the new
     * dead letter names the attempt it repeats ({@link DeadLetter#retryOf()}).
     */
    public long record(String origin, String reason, byte[] payload, String contentType) {
        String cutOrigin = cut(origin, 2000);
        String hash = payload == null ? null : HexFormat.of().formatHex(sha256(payload));
        Long retryOf = hash == null ? null : jdbc.sql("""
                        select max(d.id) from dead_letter d where d.origin = ? and d.payload_sha256 = ?
                          and d.retried_at is not null
                          and not exists (select 1 from dead_letter n where n.retry_of = d.id)""")
                .params(cutOrigin, hash).query(Long.class).optional().orElse(null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dead_letter (origin, reason, raw_payload, content_type, created_at, payload_sha256, retry_of)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(cutOrigin, cut(reason, 4000), payload, cut(contentType, 200),
                        OffsetDateTime.now(ZoneOffset.UTC), hash, retryOf)
                .update(key, "id");
        long id = key.getKey().longValue();
        if (retryOf != null) {
            log.warn("Dead letter #{} from {} (retry of #{} failed again): {}", id, origin, retryOf, reason);
        } else {
            log.warn("Dead letter #{} from {}: {}", id, origin, reason);
        }
        return id;
    }

    /** The latest dead letters still waiting for the operator (not retried), newest first. */
    public List<DeadLetter> recent(int limit) {
        return jdbc.sql(SELECT + " where retried_at is null order by id desc limit ?").param(limit).query(ROW).list();
    }

    /** The latest dead letters, retried ones too, newest first. */
    public List<DeadLetter> recentWithRetried(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(ROW).list();
    }

    /** The earlier attempts this dead letter repeats, the most recent first (empty for a first attempt). */
    public List<DeadLetter> earlierAttempts(long id) {
        List<DeadLetter> chain = new ArrayList<>();
        Long previous = find(id).map(DeadLetter::retryOf).orElse(null);
        while (previous != null && chain.size() < 100) {
            Optional<DeadLetter> earlier = find(previous);
            if (earlier.isEmpty()) {
                break;
            }
            chain.add(earlier.get());
            previous = earlier.get().retryOf();
        }
        return chain;
    }

    /** The dead letter that repeats this one after its retry, if the retry failed again. */
    public Optional<DeadLetter> laterAttempt(long id) {
        return jdbc.sql(SELECT + " where retry_of = ? order by id limit 1").param(id).query(ROW).optional();
    }

    /**
     * Marks the dead letter as put back to be ingested again (kept, out of the waiting list): false when it was
     * already, by another operator or node at the same moment (one statement decides, so only one puts it back).
     */
    public boolean markRetried(long id) {
        return jdbc.sql("update dead_letter set retried_at = ? where id = ? and retried_at is null")
                .params(OffsetDateTime.now(ZoneOffset.UTC), id).update() > 0;
    }

    /** Marks the dead letter as waiting again: putting it back failed. */
    public void markWaiting(long id) {
        jdbc.sql("update dead_letter set retried_at = null where id = ?").param(id).update();
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

    /** Dead letters still waiting for the operator (not retried). */
    public long count() {
        return jdbc.sql("select count(*) from dead_letter where retried_at is null").query(Long.class).single();
    }

    private static byte[] sha256(byte[] bytes) {
        return DigestUtils.sha256(bytes);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
