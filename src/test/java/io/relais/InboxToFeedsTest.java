package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

import io.relais.article.Article;
import io.relais.article.Articles;

/** A French article dropped into the inbox comes out translated in the Spanish, Catalan and English feeds. */
class InboxToFeedsTest extends RelaisIntegrationTest {

    static final String FRENCH_TITLE = "Le gouvernement ouvre une nouvelle école à Toulouse";
    static final String ARTICLE = """
            <!DOCTYPE html>
            <html lang="fr"><head><title>%s | Journal</title><meta charset="utf-8"></head>
            <body>
              <nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
              <article>
                <h1>%s</h1>
                <p>Le gouvernement a ouvert lundi une nouvelle école dans la ville de Toulouse. L'école peut accueillir
                   trois cents élèves.</p>
                <figure><img src="https://exemple.fr/images/ecole.jpg" alt="La nouvelle école"></figure>
                <p>Le ministre a visité les classes avec le maire. Le programme est sur
                   <a href="https://exemple.fr/programme">le site de la ville</a>.</p>
                <script>alert('x')</script>
              </article>
              <footer>Tous droits réservés</footer>
            </body></html>
            """.formatted(FRENCH_TITLE, FRENCH_TITLE);

    /** Words a real translation of the title contains, per language. */
    static final Map<String, String> TITLE_WORD = Map.of("es", "escuela", "ca", "escola", "en", "school");

    @Autowired
    Articles articles;

    @Test
    void aDroppedFrenchArticleIsPublishedTranslatedWithItsMarkup() throws Exception {
        drop("ecole-toulouse.html", ARTICLE.getBytes(StandardCharsets.UTF_8));

        Article article = await().atMost(Duration.ofSeconds(30)).until(this::storedArticle, Optional::isPresent).get();
        assertThat(article.body()).doesNotContain("<script").doesNotContain("Accueil").doesNotContain("droits réservés");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(INBOX.resolve(".done/ecole-toulouse.html")));

        String entryId = ":article:" + article.id();
        for (String lang : TITLE_WORD.keySet()) {
            // published after the debounced run that the ingestion started
            SyndEntry rss = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> entry(feed(lang, "rss.xml"), entryId), Optional::isPresent).get();
            assertThat(rss.getTitle()).isNotEqualTo(FRENCH_TITLE).containsIgnoringCase(TITLE_WORD.get(lang));
            String html = rss.getContents().get(0).getValue();
            assertThat(html).contains("<a href=\"https://exemple.fr/programme\">")
                    .contains("<img src=\"https://exemple.fr/images/ecole.jpg\"")
                    .doesNotContain("<script").doesNotContain("école");
            // no URL in the file: the entry links to the public page of the translation, which anyone can read
            assertThat(rss.getLink()).contains("/" + lang + "/articles/" + article.id() + "-");
            assertThat(anonymousGet(local(rss.getLink())).statusCode()).isEqualTo(200);

            SyndFeed atom = feed(lang, "atom.xml");
            assertThat(get("/feeds/" + lang + "/atom.xml").body()).containsPattern("<feed [^>]*xml:lang=\"" + lang + "\"");
            SyndEntry atomEntry = entry(atom, entryId).orElseThrow();
            assertThat(atomEntry.getUri()).isEqualTo("urn:relais:" + lang + ":article:" + article.id());
            assertThat(atomEntry.getTitle()).isEqualTo(rss.getTitle());
            assertThat(atomEntry.getContents().get(0).getValue()).contains("<a href=\"https://exemple.fr/programme\">");

            String json = get("/feeds/" + lang + "/feed.json").body();
            assertThat(json).contains("\"id\" : \"urn:relais:" + lang + ":article:" + article.id() + "\"")
                    .contains(rss.getTitle());

            // the same feeds are written to disk when the run ends
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Files.exists(FEEDS.resolve(lang).resolve("atom.xml"))
                    && entry(parse(Files.readString(FEEDS.resolve(lang).resolve("atom.xml"))), entryId).isPresent());
        }
    }

    private Optional<Article> storedArticle() {
        return articles.findAll(100).stream().filter(a -> a.title().equals(FRENCH_TITLE)).findFirst();
    }

    private static Optional<SyndEntry> entry(SyndFeed feed, String idSuffix) {
        return feed.getEntries().stream().filter(e -> e.getUri() != null && e.getUri().endsWith(idSuffix)).findFirst();
    }
}
