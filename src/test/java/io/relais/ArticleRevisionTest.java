package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.awaitility.Awaitility;

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
        // the feeds follow the commit of whichever lane stored the translation (the express lane, here, most often):
        // after its commit, not before runNow returns
        SyndEntry before = published(id, "sábado");

        Thread.sleep(1100);   // feed times have a resolution of a second
        HttpResponse<String> corrected = post("/api/articles", CORRECTED);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body()).contains("\"outcome\":\"REVISED\"").contains("\"revision\":2");
        assertThat(post("/api/articles", CORRECTED).body()).contains("\"outcome\":\"UNCHANGED\"");
        runs.runNow();

        // the express lane may be the one translating the correction, still at it when runNow returns: the feed
        // says when it is stored
        SyndEntry after = published(id, "domingo");
        assertThat(translations.find(id, 2, "es")).isPresent();
        assertThat(after.getUri()).isEqualTo(before.getUri());
        assertThat(before.getTitle()).containsIgnoringCase("sábado");
        assertThat(after.getTitle()).containsIgnoringCase("domingo");
        assertThat(after.getUpdatedDate()).isAfter(before.getUpdatedDate());
        long runsBefore = translations.forArticle(id).size();
        runs.runNow();   // nothing changed: nothing translated again
        assertThat(translations.forArticle(id)).hasSize((int) runsBefore);
    }

    /** The article's entry in the Spanish feed once its title says {@code word} (waits up to 60 s for it). */
    private SyndEntry published(long id, String word) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> entry(id).filter(e -> e.getTitle().toLowerCase(Locale.ROOT).contains(word)),
                        Optional::isPresent)
                .orElseThrow();
    }

    private Optional<SyndEntry> entry(long id) {
        return feed("es", "atom.xml").getEntries().stream()
                .filter(e -> e.getUri().equals("urn:relais:es:article:" + id)).findFirst();
    }
}
