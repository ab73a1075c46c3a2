package io.relais.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.relais.article.Article;

/**
 * The seed glossary in {@code glossary/seed.tsv} (target language, French term, translation or empty): inserted
 * into the database by a migration on first start, and read directly by the offline evaluation.
 */
public final class GlossarySeed {

    private GlossarySeed() {
    }

    public static List<GlossaryTerm> terms() {
        try (InputStream in = GlossarySeed.class.getResourceAsStream("/glossary/seed.tsv")) {
            List<GlossaryTerm> terms = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                terms.add(new GlossaryTerm(0, cells[0].strip(), cells[1].strip(),
                        cells.length < 3 || cells[2].isBlank() ? null : cells[2].strip()));
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the seed terms through {@code connection} (the migration that seeds a new database). */
    public static void insertInto(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into glossary_term (source_lang, target_lang, source_term, target_term) values (?, ?, ?, ?)")) {
            for (GlossaryTerm term : terms()) {
                insert.setString(1, Article.SOURCE_LANGUAGE);
                insert.setString(2, term.targetLang());
                insert.setString(3, term.sourceTerm());
                insert.setString(4, term.targetTerm());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** French term to its rendering in {@code target}, as {@link Glossary#termsFor(String)} computes it. */
    public static Map<String, String> termsFor(String target) {
        return Glossary.select(terms(), target);
    }
}
