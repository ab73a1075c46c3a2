package io.relais.article;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How many articles each source has brought, and when the latest arrived (for the operator console). */
@Service
public class SourceStatistics {

    public record Arrivals(long articles, OffsetDateTime latest) {
    }

    private final JdbcClient jdbc;

    SourceStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Arrivals> bySource() {
        Map<Long, Arrivals> out = new LinkedHashMap<>();
        jdbc.sql("select source_id, count(*) as n, max(created_at) as latest from article group by source_id")
                .query(rs -> {
                    out.put(rs.getLong("source_id"), new Arrivals(rs.getLong("n"),
                            rs.getObject("latest", OffsetDateTime.class)));
                });
        return out;
    }
}
