package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * Editors (on several nodes) dismiss the same issue of a segment at the same moment: each is shown the first
 * dismissal, and undoing it shows the issue again. A private H2 in PostgreSQL mode, or the suite's PostgreSQL under
 * {@code ./relais test-postgres}.
 */
class IssueDismissalsTest {

    private static final int EDITORS = 6;

    static DataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("issue-dismissals");
    }

    private static IssueDismissals node() {
        return new IssueDismissals(JdbcClient.create(database));
    }

    @Test
    void editorsDismissingTogetherSeeOneDismissalAndUndoingItShowsTheIssueAgain() throws Exception {
        IssueKey key = new IssueKey("languagetool", "MORFOLOGIK_RULE_ES", "Montluçon");
        for (int round = 0; round < 20; round++) {
            DismissalScope scope = new DismissalScope(round, "es", "title", UUID.randomUUID().toString());
            List<Dismissal> dismissed = Together.run(EDITORS,
                    () -> node().dismiss(scope, key, "a place name", "editor-" + Thread.currentThread().getId()));

            assertThat(dismissed).extracting(Dismissal::id).containsOnly(dismissed.get(0).id());

            assertThat(node().undo(dismissed.get(0).id())).isTrue();
            assertThat(node().of(scope)).doesNotContainKey(key);
        }
    }

    @Test
    void theMigrationKeepsTheFirstOfTheDismissalsStoredTwiceAndKeysThemAsTheServiceDoes() {
        MigratedDatabase.Staged before = MigratedDatabase.upTo("issue-dismissals-v92", "92");
        JdbcClient jdbc = JdbcClient.create(before.source());
        IssueKey key = new IssueKey("languagetool", "MORFOLOGIK_RULE_ES", "Montluçon « été »");
        IssueKey other = new IssueKey("numbers", "MISSING_NUMBER", "1975");
        String fingerprint = UUID.randomUUID().toString();
        for (var row : List.of(List.of(key, "ana"), List.of(key, "ben"), List.of(other, "ana"))) {
            IssueKey k = (IssueKey) row.get(0);
            jdbc.sql("""
                    insert into issue_dismissal (article_id, lang, field, source_fingerprint, checker, rule_id, flagged,
                        reason, username) values (7, 'es', 'body', ?, ?, ?, ?, 'a place name', ?)""")
                    .params(fingerprint, k.checker(), k.ruleId(), k.flagged(), row.get(1)).update();
        }

        before.finish();

        IssueDismissals dismissals = new IssueDismissals(jdbc);
        DismissalScope scope = new DismissalScope(7, "es", "body", fingerprint);
        assertThat(dismissals.list(7, "es")).extracting(Dismissal::username).containsExactly("ana", "ana");
        assertThat(dismissals.dismiss(scope, key, "again", "carla").username()).isEqualTo("ana");
        assertThat(dismissals.dismiss(scope, other, "again", "carla").username()).isEqualTo("ana");
        assertThat(dismissals.list(7, "es")).hasSize(2);
    }

    @Test
    void undoingLeavesTheOtherIssuesOfTheSegmentDismissed() {
        DismissalScope scope = new DismissalScope(1, "es", "body", UUID.randomUUID().toString());
        IssueKey name = new IssueKey("languagetool", "MORFOLOGIK_RULE_ES", "Montluçon");
        IssueKey number = new IssueKey("numbers", "MISSING_NUMBER", "1975");
        long first = node().dismiss(scope, name, "a place name", "nuria").id();
        node().dismiss(scope, number, "written out", "nuria");

        assertThat(node().undo(first)).isTrue();

        assertThat(node().of(scope)).containsOnlyKeys(number);
    }
}
