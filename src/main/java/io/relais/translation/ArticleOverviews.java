package io.relais.translation;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Articles with the state of each language's translation of their current revision, found by words of the title,
 * source, state and language, a page at a time (Spring Data's {@link Page}/{@link Pageable}), newest first: the
 * operator's list of articles.
 */
@Service
public class ArticleOverviews {

    /** {@code state}: a {@link TranslationState} name, or {@link #WAITING} (no translation yet); null: any. */
    public record Query(String title, Long sourceId, String state, String lang) {
    }

    /** An article and, per language, the state of its current revision's translation (absent: not translated yet). */
    public record Overview(long id, long sourceId, String title, String url, int revision, OffsetDateTime createdAt,
                           Map<String, TranslationState> states) {
    }

    /** The state filter for articles that still wait for a translation (into the language, or into any). */
    public static final String WAITING = "WAITING";

    private final JdbcClient jdbc;
    private final int languages;

    ArticleOverviews(JdbcClient jdbc, TargetLanguages languages) {
        this.jdbc = jdbc;
        this.languages = languages.languages().size();
    }

    public Page<Overview> search(Query query, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.title() != null && !query.title().isBlank()) {
            where.append(" and lower(a.title) like :title escape '\\'");
            params.put("title", "%" + query.title().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.sourceId() != null) {
            where.append(" and a.source_id = :source");
            params.put("source", query.sourceId());
        }
        String lang = query.lang() == null || query.lang().isBlank() ? null : query.lang();
        if (lang != null) {
            params.put("lang", lang);
        }
        if (WAITING.equals(query.state())) {
            if (lang != null) {
                where.append(" and not exists (select 1 from translation t where t.article_id = a.id"
                        + " and t.revision = a.revision and t.lang = :lang)");
            } else {
                // approximate for sources limited to some languages: fewer translations than target languages
                where.append(" and (select count(*) from translation t where t.article_id = a.id"
                        + " and t.revision = a.revision) < :languages");
                params.put("languages", languages);
            }
        } else if (query.state() != null && !query.state().isBlank()) {
            where.append(" and exists (select 1 from translation t where t.article_id = a.id and t.revision = a.revision"
                    + " and t.state = :state" + (lang != null ? " and t.lang = :lang" : "") + ")");
            params.put("state", TranslationState.valueOf(query.state()).name());
        } else if (lang != null) {
            where.append(" and exists (select 1 from translation t where t.article_id = a.id and t.revision = a.revision"
                    + " and t.lang = :lang)");
        }
        long total = jdbc.sql("select count(*) from article a" + where).params(params).query(Long.class).single();
        Map<String, Object> pageParams = new HashMap<>(params);
        pageParams.put("limit", pageable.getPageSize());
        pageParams.put("offset", pageable.getOffset());
        List<Overview> rows = jdbc.sql("select a.id, a.source_id, a.title, a.url, a.revision, a.created_at from article a"
                        + where + " order by a.id desc limit :limit offset :offset")
                .params(pageParams)
                .query((rs, i) -> new Overview(rs.getLong("id"), rs.getLong("source_id"), rs.getString("title"),
                        rs.getString("url"), rs.getInt("revision"), rs.getObject("created_at", OffsetDateTime.class),
                        new LinkedHashMap<>()))
                .list();
        if (!rows.isEmpty()) {
            Map<Long, Overview> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r));
            jdbc.sql("""
                    select t.article_id, t.lang, t.state from translation t
                    join article a on a.id = t.article_id and a.revision = t.revision
                    where a.id in (:ids) order by t.lang""")
                    .param("ids", List.copyOf(byId.keySet()))
                    .query(rs -> {
                        byId.get(rs.getLong("article_id")).states()
                                .put(rs.getString("lang"), TranslationState.valueOf(rs.getString("state")));
                    });
        }
        return new PageImpl<>(rows, pageable, total);
    }
}
