package db.migration.common;

import java.sql.PreparedStatement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.relais.translate.GlossarySeed;
import io.relais.translate.GlossaryTerm;

/** Inserts the seed glossary ({@code glossary/seed.tsv}) once; later edits through the API are kept. */
public class V4__glossary_seed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into glossary_term (source_lang, target_lang, source_term, target_term) values ('fr', ?, ?, ?)")) {
            for (GlossaryTerm term : GlossarySeed.terms()) {
                insert.setString(1, term.targetLang());
                insert.setString(2, term.sourceTerm());
                insert.setString(3, term.targetTerm());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
