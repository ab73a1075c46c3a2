package io.relais.terminology;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Concordance search in the translation memory: remembered segments whose French (or translation) contains the
 * words looked for, editors' texts first, so that an editor sees how a phrase was translated before.
 */
@Service
public class Concordance {

    /** A remembered segment and its translation, with who made it (EDITOR or MACHINE). */
    public record Match(String source, String target, String origin, long hits) {
    }

    private final JdbcClient jdbc;

    Concordance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Match> search(String query, String targetLang, int limit) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (needle.length() < 2) {
            return List.of();
        }
        String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select source_text, target_text, origin, hits from translation_memory
                where target_lang = ? and (lower(source_text) like ? escape '\\' or lower(target_text) like ? escape '\\')
                order by case when origin = 'EDITOR' then 0 else 1 end, hits desc, id desc
                limit ?""")
                .params(targetLang, like, like, limit)
                .query((rs, i) -> new Match(rs.getString("source_text"), rs.getString("target_text"), rs.getString("origin"),
                        rs.getLong("hits")))
                .list();
    }
}
