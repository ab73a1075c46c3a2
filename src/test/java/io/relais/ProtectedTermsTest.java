package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.translation.Translation;
import io.relais.translation.Translations;
import io.relais.batch.LocalizeRuns;
import io.relais.engine.TextFormat;
import io.relais.engine.Translator;
import tools.jackson.databind.json.JsonMapper;

/** Names and numbers in a seed-style article, and the glossary API that protects terms at runtime. */
class ProtectedTermsTest extends RelaisIntegrationTest {

    static final String ARTICLE = """
            {"title": "Twitter supprime 1.823 comptes liés à Russia Today",
             "body": "<p>Twitter a annoncé mardi la suppression de 1.823 comptes liés à Russia Today. Selon l'entreprise, ces comptes ont dépensé 274.000 dollars en publicités pendant la campagne de Donald Trump.</p><p>Facebook a pris une décision semblable à 15h30.</p>",
             "url": "https://exemple.fr/twitter-russia-today"}""";

    @Autowired
    LocalizeRuns runs;

    @Autowired
    Translations translations;

    @Autowired
    Articles articles;

    @Autowired
    Translator translator;

    @Test
    void namesStayVerbatimAndNumbersAreWrittenTheEnglishWay() {
        HttpResponse<String> created = post("/api/articles", ARTICLE);
        assertThat(created.statusCode()).isIn(200, 201);
        long id = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
        quiesce(runs);   // the express lane may hold the article when the backlog run reaches it

        Translation en = translations.find(id, 1, "en").orElseThrow();
        Translation es = translations.find(id, 1, "es").orElseThrow();
        for (Translation t : new Translation[] {en, es}) {
            assertThat(t.title() + " " + t.body()).contains("Twitter").contains("Facebook").contains("Russia Today")
                    .contains("Donald Trump");
        }
        assertThat(en.title()).contains("1,823");
        assertThat(en.body()).contains("1,823").contains("274,000 dollars").contains("3:30 p.m.");
        assertThat(es.body()).contains("1.823").contains("274.000").contains("15:30");

        // target-language finishing: one full stop after "p.m.", recorded for editors
        assertThat(en.body()).doesNotContain("p.m..");
        assertThat(translations.issues(en.id())).anySatisfy(issue -> {
            assertThat(issue.checker()).isEqualTo("finishing");
            assertThat(issue.ruleId()).isEqualTo("TYPO_DOUBLED_PUNCTUATION");
            assertThat(issue.message()).contains("3:30 p.m.");
        });
    }

    @Test
    void protectedNamesStayTheSubjectsOfTheirSentences() {
        assertThat(translator.translate("Twitter a indiqué jeudi que 1.823 messages ont été supprimés.",
                TextFormat.PLAIN, "en").text()).startsWith("Twitter has indicated Thursday that 1,823 ");
        String facebook = translator.translate("Facebook avait lui aussi révélé des comptes.", TextFormat.PLAIN, "en").text();
        assertThat(facebook).startsWith("Facebook ").doesNotContain(" It ").doesNotContain("Had ");
        assertThat(facebook.charAt("Facebook ".length())).isLowerCase();
        assertThat(translator.translate("Donald Trump a qualifié la décision de scandaleuse.", TextFormat.PLAIN, "en")
                .text()).startsWith("Donald Trump has ");
    }

    @Test
    void frenchTypographyDoesNotReachEnglish() {
        assertThat(translator.translate("Élections municipales : la participation en hausse", TextFormat.PLAIN, "en")
                .text()).doesNotContain(" :");
        assertThat(translator.translate("Il a parlé d'un « canular » hier.", TextFormat.PLAIN, "en").text())
                .contains("“").doesNotContain("«");
    }

    @Test
    void aTermAddedThroughTheApiIsProtectedAtOnceAndCanBeRemoved() throws Exception {
        assertThat(get("/api/glossary").body()).as("the seed glossary").contains("\"sourceTerm\":\"Twitter\"")
                .contains("\"targetTerm\":\"Vladimir Putin\"");
        String french = "La Poste a livré les colis.";
        assertThat(translator.translate(french, TextFormat.PLAIN, "en").text()).doesNotContain("La Poste");

        HttpResponse<String> added = put("/api/glossary", "{\"target\": \"*\", \"source\": \"La Poste\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(translator.translate(french, TextFormat.PLAIN, "en").text()).startsWith("La Poste ");
        assertThat(get("/api/glossary?target=en").body()).contains("\"sourceTerm\":\"La Poste\"");

        long id = JsonMapper.builder().build().readTree(added.body()).get("id").asLong();
        assertThat(delete("/api/glossary/" + id).statusCode()).isEqualTo(204);
        assertThat(translator.translate(french, TextFormat.PLAIN, "en").text()).doesNotContain("La Poste");
        assertThat(put("/api/glossary", "{\"target\": \"english\", \"source\": \"\"}").statusCode()).isEqualTo(400);
    }


}
