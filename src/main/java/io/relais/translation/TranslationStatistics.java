package io.relais.translation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures over translations for the charts: scores, outcomes and the review backlog per day, words written. */
@Service
public class TranslationStatistics {

    /** Average quality score of one language (and engine) on one day. */
    public record DailyScore(String lang, String engine, LocalDate day, double score, long translations) {
    }

    /** How one day's translations ended: published without review, approved, rejected, waiting, failed. */
    public record DailyOutcome(LocalDate day, long autoApproved, long approved, long rejected, long waiting, long failed) {

        public long total() {
            return autoApproved + approved + rejected + waiting + failed;
        }
    }

    private final JdbcClient jdbc;

    TranslationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DailyScore> scoresByDay(OffsetDateTime since) {
        return jdbc.sql("""
                select lang, coalesce(engine, '?') as engine, cast(created_at as date) as on_day,
                       avg(quality_score) as score, count(*) as n
                from translation where created_at >= ? and quality_score is not null
                group by lang, coalesce(engine, '?'), cast(created_at as date) order by lang, engine, on_day""")
                .param(since)
                .query((rs, i) -> new DailyScore(rs.getString("lang"), rs.getString("engine"),
                        rs.getDate("on_day").toLocalDate(), rs.getDouble("score"), rs.getLong("n")))
                .list();
    }

    /** Per day of creation, how the translations made that day stand now. */
    public List<DailyOutcome> outcomesByDay(OffsetDateTime since) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        jdbc.sql("""
                select cast(created_at as date) as on_day, state, count(*) as n from translation where created_at >= ?
                group by cast(created_at as date), state""")
                .param(since)
                .query(rs -> {
                    long[] counts = days.computeIfAbsent(rs.getDate("on_day").toLocalDate(), d -> new long[5]);
                    int slot = switch (rs.getString("state")) {
                        case "AUTO_APPROVED" -> 0;
                        case "APPROVED" -> 1;
                        case "REJECTED" -> 2;
                        case "FAILED" -> 4;
                        default -> 3;
                    };
                    counts[slot] += rs.getLong("n");
                });
        List<DailyOutcome> out = new ArrayList<>();
        days.forEach((day, c) -> out.add(new DailyOutcome(day, c[0], c[1], c[2], c[3], c[4])));
        return out;
    }

    /**
     * Translations waiting for review at the end of each day since {@code since}: sent to review by then and not yet
     * decided (an approved or rejected translation counts as decided at its last change).
     */
    public Map<LocalDate, Long> backlogByDay(LocalDate since, LocalDate until) {
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        for (LocalDate day = since; !day.isAfter(until); day = day.plusDays(1)) {
            OffsetDateTime end = day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            out.put(day, jdbc.sql("""
                    select count(*) from translation where created_at < ?
                      and (state = 'NEEDS_REVIEW' or (state in ('APPROVED', 'REJECTED') and updated_at >= ?))""")
                    .params(end, end).query(Long.class).single());
        }
        return out;
    }

    /**
     * Words of the machine translations written between two instants (a run's words, for its words per second);
     * translations an editor has decided on since are not counted.
     */
    public long wordsWrittenBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select coalesce(sum(word_count), 0) from translation where updated_at >= ? and updated_at <= ?
                  and state not in ('APPROVED', 'REJECTED')""")
                .params(from, to).query(Long.class).single();
    }
}
