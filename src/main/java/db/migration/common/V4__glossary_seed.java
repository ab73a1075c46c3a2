package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.relais.terminology.GlossarySeed;

/**
 * Inserts the seed glossary ({@code glossary/seed.tsv}) once; later edits through the API are kept. Flyway finds
 * Java migrations here, beside the SQL ones; what they insert is the terminology module's.
 */
public class V4__glossary_seed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        GlossarySeed.insertInto(context.getConnection());
    }
}
