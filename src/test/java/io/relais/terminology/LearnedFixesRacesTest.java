package io.relais.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * Saves of the same segment at the same moment (two editors, two nodes) learn each fix once. A private H2 in
 * PostgreSQL mode, or the suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class LearnedFixesRacesTest {

    private static final int SAVES = 6;
    private static final SegmentText FRENCH = SegmentText.plain("La fête du vol à voile à Montluçon");
    private static final SegmentText MACHINE = SegmentText.plain("La fiesta del vuelo a vela en Montluçon");
    private static final SegmentText EDITED = SegmentText.plain("La fiesta del vuelo sin motor en Montluçon");

    static DataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("learned-fixes");
    }

    private static LearnedFixes node(DataSource source) {
        return new LearnedFixes(JdbcClient.create(source),
                new StaticListableBeanFactory().getBeanProvider(WordGlosses.class));
    }

    @Test
    void savesOfTheSameSegmentTogetherLearnEachFixOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            long translation = 1_000_000L + System.nanoTime() % 1_000_000_000L;
            FixOrigin origin = new FixOrigin("es", translation, translation, "title", "nuria", false);
            Together.run(SAVES, () -> node(database).learn(origin, FRENCH, MACHINE, EDITED));

            assertThat(node(database).learnedIn(translation, "es")).extracting(LearnedFix::editorWords)
                    .containsExactly("sin motor");
        }
    }

    @Test
    void theMigrationKeepsTheFirstOfTheFixesLearnedTwiceAndKeysThemAsTheServiceDoes() {
        MigratedDatabase.Staged before = MigratedDatabase.upTo("learned-fixes-v93", "93");
        JdbcClient jdbc = JdbcClient.create(before.source());
        for (var row : List.of(List.of("a vela", "sin motor", "ana"), List.of("a vela", "sin motor", "ben"),
                List.of("a vela", "planeador", "ana"), List.of("montluçon", "Montluçon « été »", "ana"))) {
            jdbc.sql("""
                    insert into learned_fix (lang, source_words, machine_words, editor_words, machine_key, article_id,
                        translation_id, field, source_fingerprint, editor)
                    values ('es', 'à voile', ?, ?, ?, 7, 7, 'title', 'f1', ?)""")
                    .params(row.get(0), row.get(1), row.get(0), row.get(2)).update();
        }

        before.finish();

        List<LearnedFix> kept = node(before.source()).learnedIn(7, "es");
        assertThat(kept).extracting(LearnedFix::editorWords)
                .containsExactlyInAnyOrder("sin motor", "planeador", "Montluçon « été »");
        assertThat(kept).filteredOn(f -> f.editorWords().equals("sin motor")).extracting(LearnedFix::editor)
                .containsExactly("ana");
        assertThat(jdbc.sql("select machine_key, editor_words, fix_key from learned_fix").query((rs, i) ->
                rs.getString("fix_key").equals(LearnedFixes.fixKey(rs.getString("machine_key"),
                        rs.getString("editor_words")))).list()).containsOnly(true);
    }
}
