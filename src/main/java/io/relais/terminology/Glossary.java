package io.relais.terminology;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.Caching;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.relais.article.Article;

/**
 * The protected terms, editable at runtime. Engines ask for {@link #termsFor(String)} on every translation, so the
 * terms are in Spring's cache ({@value #TERMS} per target language, {@value #ALL} for the list), emptied on every
 * change.
 */
@Service
public class Glossary {

    private static final RowMapper<GlossaryTerm> ROW = (rs, i) -> new GlossaryTerm(rs.getLong("id"),
            rs.getString("target_lang"), rs.getString("source_term"), rs.getString("target_term"));

    static final String ALL = "glossary";
    static final String TERMS = "glossary-terms";

    private final JdbcClient jdbc;

    Glossary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Machine translations remembered before a glossary change may contradict it: they are forgotten. */
    private void changed(String targetLang) {
        if ("*".equals(targetLang)) {
            jdbc.sql("delete from translation_memory where origin = 'MACHINE'").update();
        } else {
            jdbc.sql("delete from translation_memory where origin = 'MACHINE' and target_lang = ?").param(targetLang).update();
        }
    }

    @Cacheable(cacheNames = ALL, key = "'fr'")
    public List<GlossaryTerm> all() {
        return jdbc.sql("select * from glossary_term where source_lang = ? order by source_term, target_lang")
                .param(Article.SOURCE_LANGUAGE).query(ROW).list();
    }

    /**
     * French term to its rendering in {@code target}, a language-specific entry winning over a {@code *} one,
     * longest terms first (so that "Marine Le Pen" is found before "Le Pen").
     */
    @Cacheable(cacheNames = TERMS, key = "#target")
    public Map<String, String> termsFor(String target) {
        return select(all(), target);
    }

    static Map<String, String> select(List<GlossaryTerm> all, String target) {
        Map<String, GlossaryTerm> chosen = new LinkedHashMap<>();
        for (GlossaryTerm term : all) {
            if (term.targetLang().equals(target)
                    || term.targetLang().equals("*") && !chosen.containsKey(term.sourceTerm())) {
                chosen.put(term.sourceTerm(), term);
            }
        }
        Map<String, String> terms = new LinkedHashMap<>();
        chosen.values().stream().sorted(Comparator.comparingInt((GlossaryTerm t) -> t.sourceTerm().length()).reversed())
                .forEach(t -> terms.put(t.sourceTerm(), t.rendering()));
        return terms;
    }

    /**
     * Adds or replaces the entry for (target language, French term). The insert decides whether it is new: a
     * look-then-insert let two operators (two nodes, a request and its retry) adding the same term at once both
     * insert, and the second failed on the unique term.
     */
    @Caching(evict = {@CacheEvict(cacheNames = ALL, allEntries = true), @CacheEvict(cacheNames = TERMS, allEntries = true)})
    public GlossaryTerm put(String targetLang, String sourceTerm, String targetTerm) {
        if (jdbc.sql("""
                        insert into glossary_term (source_lang, target_lang, source_term, target_term)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(Article.SOURCE_LANGUAGE, targetLang, sourceTerm, targetTerm).update() == 0) {
            jdbc.sql("""
                            update glossary_term set target_term = ?
                            where source_lang = ? and target_lang = ? and source_term = ?""")
                    .params(targetTerm, Article.SOURCE_LANGUAGE, targetLang, sourceTerm).update();
        }
        changed(targetLang);
        return jdbc.sql("select * from glossary_term where source_lang = ? and target_lang = ? and source_term = ?")
                .params(Article.SOURCE_LANGUAGE, targetLang, sourceTerm).query(ROW).single();
    }

    @Caching(evict = {@CacheEvict(cacheNames = ALL, allEntries = true), @CacheEvict(cacheNames = TERMS, allEntries = true)})
    public boolean delete(long id) {
        Optional<GlossaryTerm> term = jdbc.sql("select * from glossary_term where id = ?").param(id).query(ROW).optional();
        term.ifPresent(t -> {
            jdbc.sql("delete from glossary_term where id = ?").param(id).update();
            changed(t.targetLang());
        });
        return term.isPresent();
    }
}
