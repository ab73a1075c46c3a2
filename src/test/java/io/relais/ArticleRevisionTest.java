package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rometools.rome.feed.synd.SyndEntry;

import io.relais.translation.Translations;
import io.relais.batch.LocalizeRuns;
import tools.jackson.databind.json.JsonMapper;

/** A corrected article is a new revision: translated again, and its feed entry keeps its id with a new time. */
class ArticleRevisionTest extends RelaisIntegrationTest {

    static final String FIRST = """
            {"title": "Le tramway de Montpellier roulera toute la nuit samedi",
             "body": "<p>Le tramway de Montpellier roulera toute la nuit samedi pour la fête de la ville.</p>",
             "url": "https://exemple.fr/tramway-nuit"}""";
    static final String CORRECTED = """
            {"title": "Le tramway de Montpellier roulera toute la nuit dimanche",
             "body": "<p>Le tramway de Montpellier roulera toute la nuit dimanche pour la fête de la ville.</p>",
             "url": "https://exemple.fr/tramway-nuit"}""";

    @Autowired
    LocalizeRuns runs;

    @Autowired
    Translations translations;

    @Test
    void aCorrectionIsRetranslatedAndUpdatesTheSameFeedEntry() throws Exception {
        HttpResponse<String> created = post("/api/articles", FIRST);
        long id = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
        runs.runNow();
        SyndEntry before = entry(id).orElseThrow();

        Thread.sleep(1100);   // feed times have a resolution of a second
        HttpResponse<String> corrected = post("/api/articles", CORRECTED);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body()).contains("\"outcome\":\"REVISED\"").contains("\"revision\":2");
        assertThat(post("/api/articles", CORRECTED).body()).contains("\"outcome\":\"UNCHANGED\"");
        runs.runNow();

        assertThat(translations.find(id, 2, "es")).isPresent();
        SyndEntry after = entry(id).orElseThrow();
        assertThat(after.getUri()).isEqualTo(before.getUri());
        assertThat(before.getTitle()).containsIgnoringCase("sábado");
        assertThat(after.getTitle()).containsIgnoringCase("domingo");
        assertThat(after.getUpdatedDate()).isAfter(before.getUpdatedDate());
        long runsBefore = translations.forArticle(id).size();
        runs.runNow();   // nothing changed: nothing translated again
        assertThat(translations.forArticle(id)).hasSize((int) runsBefore);
    }

    private Optional<SyndEntry> entry(long id) {
        return feed("es", "atom.xml").getEntries().stream()
                .filter(e -> e.getUri().equals("urn:relais:es:article:" + id)).findFirst();
    }
}
