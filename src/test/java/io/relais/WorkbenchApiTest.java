package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.review.OperatorActions;
import io.relais.terminology.LearnedFix;
import io.relais.terminology.LearnedFixes;
import io.relais.terminology.TranslationMemory;
import io.relais.terminology.SegmentText;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workbench's calls, one cell at a time: drafts saved against the text they started from (a conflict never
 * overwrites, and keeps the refused text), nothing of a draft published until it is stored, every version kept and
 * revertible, approvals undone, segments confirmed on their exact text, issues dismissed and words added by editors
 * of the language only.
 */
class WorkbenchApiTest extends RelaisIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NURIA = ReviewApiTest.basic("nuria", "nuria-password-123");
    static final String ORIOL = ReviewApiTest.basic("oriol", "oriol-password-123");
    static final String GINA = ReviewApiTest.basic("gina", "gina-password-123");

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    Translations translations;

    @Autowired
    OperatorActions operator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LearnedFixes fixes;

    @Autowired
    TranslationMemory memory;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    QualityCheckFault checks;

    long id;

    @BeforeEach
    void translationToReview() {
        for (String[] user : List.of(new String[] {"nuria", "es"}, new String[] {"oriol", "es"}, new String[] {"gina", "it"})) {
            assertThat(put("/api/users", "{\"username\": \"" + user[0] + "\", \"password\": \"" + user[0]
                    + "-password-123\", \"role\": \"EDITOR\", \"languages\": [\"" + user[1] + "\"]}").statusCode())
                    .isEqualTo(200);
        }
        Source source = sources.ensure("test:workbench-api", Source.Kind.API, "workbench api test");
        long article = articles.store(new NewArticle(source.id(), "wb-api-" + System.nanoTime(), null,
                "La fête du vol à voile à Montluçon", null,
                "<p>Le club de vol à voile fête ses <em>cinquante</em> ans.</p>\n<p>Le vol inaugural a eu lieu en 1975.</p>",
                null, null, null, null)).articleId();
        id = translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es",
                "La fiesta del vuelo a vela en Montluçon", null,
                "<p>El club de vuelo a vela celebra sus <em>cincuenta</em> años.</p>\n<p>El vuelo inaugural tuvo lugar en 1975.</p>",
                50.0, 20, 0, TranslationState.NEEDS_REVIEW, "review", List.of()));
    }

    @Test
    void theCellsAreTheTitleAndEachBlockBesideItsFrenchTheWhitespaceBetweenThemKept() {
        JsonNode cells = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/cells", null).body());
        assertThat(cells.get("seq").asInt()).isZero();
        List<String> keys = new ArrayList<>();
        cells.get("cells").forEach(c -> keys.add(c.get("key").asString()));
        assertThat(keys).containsExactly("title", "body:0", "body:1");
        JsonNode first = cells.get("cells").get(1);
        assertThat(first.get("text").asString()).isEqualTo("<p>El club de vuelo a vela celebra sus <em>cincuenta</em> años.</p>");
        assertThat(first.get("frenchText").asString()).isEqualTo("<p>Le club de vol à voile fête ses <em>cinquante</em> ans.</p>");
        assertThat(first.get("state").asString()).isEqualTo("machine");
        assertThat(first.get("fingerprint").asString()).isEqualTo(SegmentText.fingerprint(first.get("text").asString()));
        assertThat(cells.get("body").asString()).contains("</p>\n<p>");
    }

    @Test
    void aDraftIsSavedCellByCellIsNeverPublishedAndTheApprovalStoresIt() {
        JsonNode cell = cell("body:1");
        HttpResponse<String> saved = save(NURIA, "body:1", cell.get("fingerprint").asString(),
                "<p>El vuelo inaugural fue en 1975.</p>", 0);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(saved.body());
        assertThat(answer.get("seq").asInt()).isEqualTo(1);
        assertThat(answer.get("cell").get("state").asString()).isEqualTo("edited");
        // checked and given suggestions on the text saved: both carry its fingerprint (with the answer, or asked for
        // when they were not ready in time: LanguageTool's Spanish may be loading in this context)
        String fingerprint = SegmentText.fingerprint("<p>El vuelo inaugural fue en 1975.</p>");
        if (answer.get("checking").asBoolean()) {
            assertThat(answer.hasNonNull("report")).isFalse();
            answer = JSON.readTree(as(NURIA, "POST", "/api/review/items/" + id + "/checks", null).body()).get("body:1");
        }
        assertThat(answer.get("report").get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(answer.get("suggestions").get("fingerprint").asString()).isEqualTo(fingerprint);
        // the translation is untouched: the draft is the working copy, not the text
        assertThat(translations.findById(id).orElseThrow().body()).contains("tuvo lugar");
        assertThat(translations.findById(id).orElseThrow().version()).isZero();

        HttpResponse<String> stale = as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0, \"seq\": 0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("conflict").asString()).isEqualTo("draft");
        HttpResponse<String> approved = as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0, \"seq\": 1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(translations.findById(id).orElseThrow().body())
                .isEqualTo("<p>El club de vuelo a vela celebra sus <em>cincuenta</em> años.</p>\n<p>El vuelo inaugural fue en 1975.</p>");
        assertThat(jdbc.sql("select count(*) from review_draft where translation_id = ?").param(id).query(Integer.class)
                .single()).isZero();
        assertThat(kinds()).containsExactly("APPROVE", "DRAFT", "MACHINE");
    }

    @Test
    void aDraftSavedWhileAnApprovalWaitsIsNeitherClearedNorApprovedUnseen() throws Exception {
        // oriol's save on another node, in flight: the translation's row locked as a save locks it, the draft
        // written, committed while nuria's approval of the text she saw (no draft: seq 0) is under way
        Thread otherNode = oriolSavingOnAnotherNode("<p>El club de vuelo a vela celebra sus <em>cincuenta</em> años.</p>\n"
                + "<p>El vuelo inaugural fue en 1975.</p>");

        HttpResponse<String> approved = as(NURIA, "POST", "/api/review/items/" + id + "/approve",
                "{\"version\": 0, \"seq\": 0}");
        otherNode.join();

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(409);
        assertThat(JSON.readTree(approved.body()).get("conflict").asString()).isEqualTo("draft");
        assertThat(cell("body:1").get("text").asString()).isEqualTo("<p>El vuelo inaugural fue en 1975.</p>");
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
    }

    @Test
    void aCellChangedMeanwhileIsAConflictWithBothTextsAndTheRefusedTextIsKept() {
        String base = cell("body:0").get("fingerprint").asString();
        assertThat(save(NURIA, "body:0", base, "<p>El club de vuelo sin motor celebra sus <em>cincuenta</em> años.</p>", 0)
                .statusCode()).isEqualTo(200);
        // another cell, from the same starting point: no conflict, both kept
        assertThat(save(ORIOL, "title", cell("title").get("fingerprint").asString(),
                "La fiesta del vuelo sin motor en Montluçon", 0).statusCode()).isEqualTo(200);
        // the same cell, from the text before nuria's save: refused, with both texts
        HttpResponse<String> conflict = save(ORIOL, "body:0", base,
                "<p>El club de planeadores celebra sus <em>cincuenta</em> años.</p>", 1);
        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode problem = JSON.readTree(conflict.body());
        assertThat(problem.get("by").asString()).isEqualTo("nuria");
        assertThat(problem.get("theirs").asString()).contains("vuelo sin motor");
        assertThat(problem.get("yours").asString()).contains("planeadores");
        assertThat(cell("body:0").get("text").asString()).contains("vuelo sin motor");
        assertThat(cell("title").get("text").asString()).isEqualTo("La fiesta del vuelo sin motor en Montluçon");
        assertThat(jdbc.sql("select body from review_version where translation_id = ? and kind = 'CONFLICT'").param(id)
                .query(String.class).single()).contains("planeadores");
        // the choice made: saved on theirs, knowingly
        assertThat(save(ORIOL, "body:0", problem.get("theirsFingerprint").asString(),
                "<p>El club de planeadores celebra sus <em>cincuenta</em> años.</p>", 2).statusCode()).isEqualTo(200);
    }

    @Test
    void everyVersionIsKeptAndOneIsBroughtBackAsTheDraft() {
        save(NURIA, "title", cell("title").get("fingerprint").asString(), "La fiesta del vuelo sin motor en Montluçon", 0);
        HttpResponse<String> stored = as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0}");
        assertThat(stored.statusCode()).isEqualTo(200);
        JsonNode versions = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/versions", null).body());
        long machine = 0;
        for (JsonNode v : versions) {
            if (v.get("kind").asString().equals("MACHINE")) {
                machine = v.get("id").asLong();
                assertThat(v.get("title").asString()).isEqualTo("La fiesta del vuelo a vela en Montluçon");
            }
        }
        // approved: undo it first (a draft of an approved translation is a correction, allowed too)
        HttpResponse<String> reopened = as(NURIA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": 1}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        HttpResponse<String> reverted = as(NURIA, "POST", "/api/review/items/" + id + "/versions/" + machine + "/revert",
                "{\"seq\": 0}");
        assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
        assertThat(cell("title").get("text").asString()).isEqualTo("La fiesta del vuelo a vela en Montluçon");
        assertThat(cell("title").get("state").asString()).isEqualTo("machine");
        assertThat(kinds()).startsWith("REVERT", "REOPEN", "APPROVE");
    }

    @Test
    void anApprovalTakenBackLeavesTheTranslationMemory() {
        String approvedTitle = approveATitle();

        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": 1}").statusCode())
                .isEqualTo(200);
        // a new article with this title is no longer given the text its editor took back
        assertTheMemoryNoLongerGives(approvedTitle);
        // approved again: remembered again
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 2}").statusCode())
                .isEqualTo(200);
        assertThat(memory.lookup(FRENCH_TITLE, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText)
                .isEqualTo(approvedTitle);
    }

    @Test
    void aPublishedCorrectionReplacesTheApprovedTextInTheMemoryAndARejectionTakesItOut() {
        String approvedTitle = approveATitle();

        // the published text corrected: new articles are given the correction, not the mistake
        String corrected = "La fiesta del vuelo sin motor en Montluçon " + System.nanoTime();
        assertThat(save(NURIA, "title", cell("title").get("fingerprint").asString(), corrected, 0).statusCode())
                .isEqualTo(200);
        HttpResponse<String> stored = as(NURIA, "POST", "/api/review/items/" + id + "/store", "{\"version\": 1, \"seq\": 1}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(memory.lookup(FRENCH_TITLE, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText,
                TranslationMemory.Entry::origin).containsExactly(corrected, TranslationMemory.Origin.EDITOR);
        assertTheMemoryNoLongerGives(approvedTitle);

        // the approved translation rejected: no approval in force says it any more
        HttpResponse<String> rejected = as(NURIA, "POST", "/api/review/items/" + id + "/reject",
                "{\"version\": 2, \"reason\": \"the source was wrong\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertTheMemoryNoLongerGives(corrected);
    }

    @Test
    void anApprovalTheConsoleWithdrawsOrSendsBackToTheBatchLeavesTheMemoryAndTheActionIsInTheHistory() {
        // withdrawn from the feeds by an operator (as the console does it)
        String withdrawn = approveATitle();
        Translation approved = translations.findById(id).orElseThrow();
        assertThat(operator.withdraw(approved, "admin", "withdrawn from the feeds by admin: a court order")).isTrue();
        assertTheMemoryNoLongerGives(withdrawn);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.REJECTED);
        JsonNode history = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/versions", null).body());
        JsonNode last = history.get(0);
        assertThat(List.of(last.get("kind").asString(), last.get("username").asString(), last.get("note").asString()))
                .containsExactly("REJECT", "admin", "withdrawn from the feeds by admin: a court order");
        // read before the withdrawal: refused, nothing changed twice
        assertThat(operator.withdraw(approved, "admin", "again")).isFalse();

        // approved again, then sent back to the batch by an operator: the batch is not given the approval's text back
        int version = translations.findById(id).orElseThrow().version();
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": " + version + "}")
                .statusCode()).isEqualTo(200);
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": " + (version + 1) + "}")
                .statusCode()).isEqualTo(200);
        assertThat(memory.lookup(FRENCH_TITLE, "fr", "es")).get().extracting(TranslationMemory.Entry::origin)
                .isEqualTo(TranslationMemory.Origin.EDITOR);
        Translation again = translations.findById(id).orElseThrow();
        assertThat(operator.sendBack(again, "admin", "re-translation asked by admin")).isTrue();
        assertTheMemoryNoLongerGives(withdrawn);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.FAILED);
        assertThat(operator.sendBack(again, "admin", "again")).isFalse();
        // in the history under the operator's name, with the text it had (an editor can bring it back from there)
        JsonNode sentBack = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/versions", null).body()).get(0);
        assertThat(List.of(sentBack.get("kind").asString(), sentBack.get("username").asString(),
                sentBack.get("note").asString(), sentBack.get("title").asString()))
                .containsExactly("REQUEUE", "admin", "re-translation asked by admin", withdrawn);
        assertThat(jdbc.sql("select action from review_audit where translation_id = ? order by id desc limit 1")
                .param(id).query(String.class).single()).isEqualTo("REQUEUE");

        // the batch translates it again: its text is the machine's, not an editor's edit of the earlier machine text
        Translation sent = translations.findById(id).orElseThrow();
        String batchTitle = "La fiesta del vuelo a vela de Montluçon";
        translations.save(new TranslationResult(sent.articleId(), sent.revision(), "es", "apertium", "fr>es", batchTitle,
                null, sent.body(), 50.0, 20, 0, TranslationState.NEEDS_REVIEW, "review", List.of()));
        JsonNode title = cell("title");
        assertThat(List.of(title.get("text").asString(), title.get("state").asString()))
                .containsExactly(batchTitle, "machine");
    }

    @Test
    void anApprovalOfAnEarlierRevisionTeachesTheMemoryItsOwnFrench() {
        // revision 1 translated, then revision 2 of the article arrives before the approval of revision 1
        Source source = sources.ensure("test:workbench-api", Source.Kind.API, "workbench api test");
        String key = "wb-api-rev-" + System.nanoTime();
        String first = "<p>Le marché couvert de Carhaix rouvre le " + System.nanoTime() + " mars.</p>";
        long article = articles.store(new NewArticle(source.id(), key, null, "Le marché de Carhaix", null, first, null,
                null, null, null)).articleId();
        long translation = translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es",
                "El mercado de Carhaix", null, "<p>El mercado cubierto de Carhaix reabre en marzo.</p>", 50.0, 10, 0,
                TranslationState.NEEDS_REVIEW, "review", List.of()));
        assertThat(articles.store(new NewArticle(source.id(), key, null, "Le marché de Carhaix",
                null, "<p>Le marché couvert de Carhaix restera fermé.</p>", null, null, null, null)).revision())
                .isEqualTo(2);

        Translation t = translations.findById(translation).orElseThrow();
        assertThat(translations.apply(t, TranslationAction.APPROVE, t.version(), t.title(), t.summary(),
                "<p>El mercado cubierto de Carhaix reabrirá en marzo.</p>", null)).isTrue();
        assertThat(memory.lookup(first, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText)
                .isEqualTo("<p>El mercado cubierto de Carhaix reabrirá en marzo.</p>");
        assertThat(memory.lookup("<p>Le marché couvert de Carhaix restera fermé.</p>", "fr", "es")
                .filter(e -> e.origin() == TranslationMemory.Origin.EDITOR)).isEmpty();
    }

    @Test
    void copyingTheFrenchTeachesNoFixAndARevertToTheMachineForgetsWhatATakenBackDraftTaught() {
        long article = translations.findById(id).orElseThrow().articleId();
        // "Copy the French" into the title, then approve: the French is not a Spanish fix for the machine's words
        JsonNode title = cell("title");
        String french = title.get("frenchText").asString();
        assertThat(save(NURIA, "title", title.get("fingerprint").asString(), french, 0).statusCode()).isEqualTo(200);
        assertThat(fixes.learnedIn(article, "es")).isEmpty();
        HttpResponse<String> approved = as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0, \"seq\": 1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(fixes.learnedIn(article, "es")).isEmpty();
        assertThat(fixes.offers("es", SegmentText.plain("Le vol à voile à Vichy"),
                SegmentText.plain("El vuelo a vela en Vichy"), 0)).noneMatch(o -> o.fix().articleId() == article);

        // a real fix teaches; bringing the machine's text back forgets it
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": 1}").statusCode()).isEqualTo(200);
        assertThat(save(NURIA, "title", cell("title").get("fingerprint").asString(),
                "La fiesta del vuelo sin motor en Montluçon", seq()).statusCode()).isEqualTo(200);
        assertThat(fixes.learnedIn(article, "es")).extracting(LearnedFix::editorWords).containsExactly("sin motor");
        long machine = 0;
        for (JsonNode v : JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/versions", null).body())) {
            if (v.get("kind").asString().equals("MACHINE")) {
                machine = v.get("id").asLong();
            }
        }
        HttpResponse<String> reverted = as(NURIA, "POST", "/api/review/items/" + id + "/versions/" + machine + "/revert",
                "{\"seq\": " + seq() + "}");
        assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
        assertThat(fixes.learnedIn(article, "es")).isEmpty();
    }

    int seq() {
        return JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/cells", null).body()).get("seq").asInt();
    }

    @Test
    void aSegmentIsConfirmedOnItsExactTextAndAChangeUnconfirmsIt() {
        JsonNode title = cell("title");
        HttpResponse<String> confirmed = as(NURIA, "POST", "/api/review/items/" + id + "/cells/title/confirm",
                "{\"fingerprint\": \"" + title.get("fingerprint").asString() + "\"}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(cell("title").get("state").asString()).isEqualTo("confirmed");
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/cells/title/confirm",
                "{\"fingerprint\": \"0000\"}").statusCode()).isEqualTo(409);
        save(NURIA, "title", title.get("fingerprint").asString(), "La fiesta del vuelo sin motor en Montluçon", 0);
        assertThat(cell("title").get("state").asString()).isEqualTo("edited");
    }

    @Test
    void theWholeBodyCanBeSavedAsHtmlAndABlockCannotBreakTheMarkupItIsStoredWith() {
        String body = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/cells", null).body()).get("body").asString();
        HttpResponse<String> raw = save(NURIA, "body", SegmentText.fingerprint(body),
                "<p>Uno.</p><p>Dos <script>alert(1)</script><em>tres</p>", 0);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
        assertThat(JSON.readTree(raw.body()).get("cells")).hasSize(3);
        assertThat(cell("body:1").get("text").asString()).isEqualTo("<p>Dos <em>tres</em></p>");
    }

    @Test
    void editorsDismissIssuesAndAddWordsOnlyInTheirLanguagesAndBadCallsAreClear() {
        HttpResponse<String> dismissed = as(NURIA, "POST", "/api/review/items/" + id + "/cells/body:1/dismissals",
                "{\"checker\": \"languagetool\", \"ruleId\": \"MORFOLOGIK_RULE_ES\", \"flagged\": \"inaugural\", "
                        + "\"reason\": \"palabra correcta\"}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(201);
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/cells/body:1/dismissals",
                "{\"checker\": \"languagetool\", \"ruleId\": \"X\", \"flagged\": \"y\", \"reason\": \"\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> word = as(NURIA, "POST", "/api/review/items/" + id + "/dictionary", "{\"word\": \"Montluçon\"}");
        assertThat(word.statusCode()).as(word.body()).isEqualTo(201);
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/dictionary", "{\"word\": \"two words\"}").statusCode())
                .isEqualTo(400);
        // an editor of another language: 403 for everything of this item
        assertThat(as(GINA, "GET", "/api/review/items/" + id + "/cells", null).statusCode()).isEqualTo(403);
        assertThat(save(GINA, "title", "x", "y", 0).statusCode()).isEqualTo(403);
        assertThat(as(GINA, "POST", "/api/review/items/" + id + "/dictionary", "{\"word\": \"Montluçon\"}").statusCode())
                .isEqualTo(403);
        // no such cell, no base, nobody signed in
        assertThat(save(NURIA, "body:x", "x", "y", 0).statusCode()).isEqualTo(400);
        assertThat(as(NURIA, "PUT", "/api/review/items/" + id + "/cells/title", "{\"text\": \"y\"}").statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/review/items/" + id + "/cells"))
                .GET().build()).statusCode()).isEqualTo(401);
    }

    @Test
    void predictiveTypingOffersTheArticlesOwnWordsFirstThenTheLanguagesByFrequencyInTheCaseTyped() {
        // an editor's word, in an approved translation (the translation memory's editors' segments), is offered at
        // once in another article
        assertThat(completions(NURIA, "body:0", "planea")).first().isNotEqualTo("planeadores");
        Source source = sources.ensure("test:workbench-api", Source.Kind.API, "workbench api test");
        long other = translations.save(new TranslationResult(articles.store(new NewArticle(source.id(),
                "wb-api-" + System.nanoTime(), null, "Les planeurs de Montluçon", null, "<p>Les planeurs volent.</p>",
                null, null, null, null)).articleId(), 1, "es", "apertium", "fr>es", "Los planeadores de Montluçon", null,
                "<p>Los planeadores vuelan.</p>", 50.0, 20, 0, TranslationState.NEEDS_REVIEW, "review", List.of()));
        assertThat(as(NURIA, "POST", "/api/review/items/" + other + "/approve", "{\"version\": 0, \"seq\": 0}")
                .statusCode()).isEqualTo(200);
        assertThat(completions(NURIA, "body:0", "planea")).first().isEqualTo("planeadores");
        // a name of the French passes into the translation as it is
        assertThat(completions(NURIA, "title", "Mon")).first().isEqualTo("Montluçon");
        // started in lower case, a name of the article keeps its capital; typed in capitals, the word is in capitals
        assertThat(completions(NURIA, "title", "mon")).contains("Montluçon").doesNotContain("montluçon");
        assertThat(completions(NURIA, "body:0", "GOBI")).first().isEqualTo("GOBIERNO");
        // a word of the cell's machine text (moved or typed again) before the language's more frequent ones
        assertThat(completions(NURIA, "body:1", "inaug")).first().isEqualTo("inaugural");
        // the language's words by frequency (LanguageTool's dictionary); a capital typed capitalises the word
        assertThat(completions(NURIA, "body:0", "gobi")).first().isEqualTo("gobierno");
        assertThat(completions(NURIA, "body:0", "Gobi")).first().isEqualTo("Gobierno");
        // every word offered begins with what was typed and adds at least two letters
        assertThat(completions(NURIA, "body:0", "pro")).isNotEmpty()
                .allSatisfy(w -> assertThat(w).startsWith("pro").hasSizeGreaterThanOrEqualTo(5));

        String path = "/api/review/items/" + id + "/cells/body:0/completions?prefix=";
        assertThat(as(NURIA, "GET", path + "a%20b", null).statusCode()).isEqualTo(400);
        HttpResponse<String> none = as(NURIA, "GET", "/api/review/items/" + id + "/cells/body:0/completions", null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(as(NURIA, "GET", path + "a".repeat(41), null).statusCode()).isEqualTo(400);
        assertThat(as(NURIA, "GET", "/api/review/items/" + id + "/cells/body/completions?prefix=ab", null).statusCode())
                .isEqualTo(400);
        assertThat(as(GINA, "GET", path + "gobi", null).statusCode()).isEqualTo(403);
    }

    List<String> completions(String auth, String key, String prefix) {
        HttpResponse<String> r = as(auth, "GET", "/api/review/items/" + id + "/cells/" + key + "/completions?prefix="
                + java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("prefix").asString()).isEqualTo(prefix);
        List<String> words = new ArrayList<>();
        answer.get("words").forEach(w -> words.add(w.asString()));
        return words;
    }

    @Test
    void aTitleIsPlainTextKeptAsTypedItsSpacesTidiedOnlyWhenItIsStored() {
        // what looks like markup or an entity in a title is the editor's characters; a space typed last is kept
        String typed = "P&amp;G <b>sube</b> <script>x</script>  hoy ";
        HttpResponse<String> saved = save(NURIA, "title", cell("title").get("fingerprint").asString(), typed, 0);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).get("cell").get("text").asString()).isEqualTo(typed);
        assertThat(cell("title").get("text").asString()).isEqualTo(typed);
        HttpResponse<String> approved = as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0, \"seq\": 1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(translations.findById(id).orElseThrow().title()).isEqualTo("P&amp;G <b>sube</b> <script>x</script> hoy");
    }

    @Test
    void anEmptiedTitleOrBodyIsNotPublished() {
        assertThat(save(NURIA, "title", cell("title").get("fingerprint").asString(), "  ", 0).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0, \"seq\": 1}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("without a title");
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        // approved, then every paragraph emptied: the correction is not published
        assertThat(save(NURIA, "title", cell("title").get("fingerprint").asString(), "La fiesta", 1).statusCode())
                .isEqualTo(200);
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0, \"seq\": 2}").statusCode())
                .isEqualTo(200);
        assertThat(save(NURIA, "body:0", cell("body:0").get("fingerprint").asString(), "<p></p>", 0).statusCode())
                .isEqualTo(200);
        assertThat(save(NURIA, "body:1", cell("body:1").get("fingerprint").asString(), "<p></p>", 1).statusCode())
                .isEqualTo(200);
        HttpResponse<String> store = as(NURIA, "POST", "/api/review/items/" + id + "/store", "{\"version\": 1, \"seq\": 2}");
        assertThat(store.statusCode()).isEqualTo(409);
        assertThat(translations.findById(id).orElseThrow().body()).contains("cincuenta");
    }

    @Test
    void undoingAnApprovalKeepsTheCorrectionBegunOnIt() {
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0}").statusCode()).isEqualTo(200);
        String correction = "<p>El vuelo inaugural fue en 1975.</p>";
        assertThat(save(NURIA, "body:1", cell("body:1").get("fingerprint").asString(), correction, 0).statusCode())
                .isEqualTo(200);
        HttpResponse<String> reopened = as(NURIA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": 1}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        // the draft is still the working copy, and the next save goes on from it
        JsonNode cells = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/cells", null).body());
        assertThat(cells.get("seq").asInt()).isEqualTo(1);
        assertThat(cell("body:1").get("text").asString()).isEqualTo(correction);
        assertThat(save(NURIA, "title", cell("title").get("fingerprint").asString(), "La fiesta del vuelo", 1)
                .statusCode()).isEqualTo(200);
        assertThat(cell("body:1").get("text").asString()).isEqualTo(correction);
    }

    @Test
    void aSaveIsAnsweredOnceStoredWhenItsChecksAreSlowAndTheChecksFollowOnRequest() {
        String text = "<p>El vuelo inaugural del planeador fue en 1975.</p>";
        checks.holdOn("planeador");
        try {
            HttpResponse<String> saved = save(NURIA, "body:1", cell("body:1").get("fingerprint").asString(), text, 0);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(saved.body());
            assertThat(answer.get("checking").asBoolean()).isTrue();
            assertThat(answer.hasNonNull("report")).isFalse();
            assertThat(answer.get("cell").get("text").asString()).isEqualTo(text);
            // stored, whatever the checks do
            assertThat(jdbc.sql("select body from review_draft where translation_id = ?").param(id).query(String.class)
                    .single()).contains("planeador");
        } finally {
            checks.release();
        }
        HttpResponse<String> report = as(NURIA, "POST", "/api/review/items/" + id + "/cells/body:1/check",
                "{\"text\": \"" + text + "\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(JSON.readTree(report.body()).get("fingerprint").asString()).isEqualTo(SegmentText.fingerprint(text));
    }

    @Test
    void publishingACorrectionIsOfferedForAnApprovedTextOnlyAMachineApprovedOneIsApproved() {
        // a machine-approved text's feeds publish the machine's text (or nothing, under the shipped policy): a
        // "correction" stored there reached no feed; the editor's text is published by approving it
        jdbc.sql("update translation set state = 'AUTO_APPROVED' where id = ?").param(id).update();
        String page = as(NURIA, "GET", "/review/items/" + id, null).body();
        assertThat(page).contains("id=\"approve\"").doesNotContain("id=\"store\"");

        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0}").statusCode()).isEqualTo(200);
        assertThat(as(NURIA, "GET", "/review/items/" + id, null).body()).contains("id=\"store\"");
    }

    @Test
    void aCorrectionSavedWhileAnApprovalIsUndoneStaysTheDraft() throws Exception {
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0}").statusCode()).isEqualTo(200);
        // oriol's correction of the approved text on another node, in flight: the row locked as a save locks it, the
        // draft written, committed while nuria's undo of the approval is under way
        String correction = "<p>El club de vuelo a vela celebra sus <em>cincuenta</em> años.</p>\n"
                + "<p>El vuelo inaugural fue en 1975.</p>";
        Thread otherNode = oriolSavingOnAnotherNode(correction);

        HttpResponse<String> reopened = as(NURIA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": 1}");
        otherNode.join();

        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        assertThat(cell("body:1").get("text").asString()).isEqualTo("<p>El vuelo inaugural fue en 1975.</p>");
    }

    /**
     * Oriol's save on another node, in flight: the translation's row locked as a save locks it and the draft written;
     * it commits 1.5 s after this returns (what the test does meanwhile reaches the row while it is locked).
     */
    Thread oriolSavingOnAnotherNode(String body) throws InterruptedException {
        CountDownLatch saving = new CountDownLatch(1);
        Thread otherNode = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("select id from translation where id = ? for update").param(id).query(Long.class).single();
            jdbc.sql("""
                    insert into review_draft (translation_id, title, summary, body, base_version, seq, username,
                        saved_at)
                    select id, title, summary, ?, version, 1, 'oriol', current_timestamp from translation where id = ?""")
                    .params(body, id)
                    .update();
            saving.countDown();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        otherNode.start();
        saving.await();
        return otherNode;
    }

    JsonNode cell(String key) {
        JsonNode cells = JSON.readTree(as(NURIA, "GET", "/api/review/items/" + id + "/cells", null).body()).get("cells");
        for (JsonNode c : cells) {
            if (c.get("key").asString().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + key);
    }

    /** The French title of the item under review. */
    static final String FRENCH_TITLE = "La fête du vol à voile à Montluçon";

    /**
     * A new article with this title is no longer given {@code text}, taken back. (The approvals of this class's other
     * tests, of articles with the same title, are in force: the memory may give one of theirs.)
     */
    void assertTheMemoryNoLongerGives(String text) {
        assertThat(memory.lookup(FRENCH_TITLE, "fr", "es").map(TranslationMemory.Entry::targetText).orElse(null))
                .isNotEqualTo(text);
    }

    /** The item approved with a title of the editor's own, which the memory then gives for the French title. */
    String approveATitle() {
        String approvedTitle = "La fiesta del planeo en Montluçon " + System.nanoTime();
        save(NURIA, "title", cell("title").get("fingerprint").asString(), approvedTitle, 0);
        assertThat(as(NURIA, "POST", "/api/review/items/" + id + "/approve", "{\"version\": 0}").statusCode())
                .isEqualTo(200);
        assertThat(memory.lookup(FRENCH_TITLE, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText,
                TranslationMemory.Entry::origin).containsExactly(approvedTitle, TranslationMemory.Origin.EDITOR);
        return approvedTitle;
    }

    HttpResponse<String> save(String auth, String key, String base, String text, int seq) {
        ObjectNode body = JSON.createObjectNode().put("base", base).put("text", text).put("seq", seq);
        return as(auth, "PUT", "/api/review/items/" + id + "/cells/" + key, body.toString());
    }

    List<String> kinds() {
        return jdbc.sql("select kind from review_version where translation_id = ? order by id desc").param(id)
                .query(String.class).list();
    }

    HttpResponse<String> as(String auth, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }
}
