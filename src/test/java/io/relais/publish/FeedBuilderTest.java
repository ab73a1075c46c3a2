package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.relais.translation.PublishedEntry;
import io.relais.translation.TranslationState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FeedBuilderTest {

    private final FeedBuilder builder = new FeedBuilder("https://relais.example/");

    private final PublishedEntry entry = new PublishedEntry(42, 2, "es", "El gato duerme",
            "Un resumen", "<p>El <a href=\"https://exemple.fr/x\">gato</a> duerme.</p><img src=\"https://exemple.fr/i.jpg\" alt=\"Foto\">",
            "https://exemple.fr/chat", "Le chat dort", "Anne Roy", OffsetDateTime.parse("2026-11-20T08:00:00Z"),
            OffsetDateTime.parse("2026-11-21T09:30:00Z"), "apertium", "fr>es", 91.0, TranslationState.AUTO_APPROVED);

    @Test
    void rssDeclaresTheLanguageAndKeepsStableIdsLinksAndHtml() throws Exception {
        SyndFeed feed = parse(builder.render("es", List.of(entry), FeedFormat.RSS));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLanguage()).isEqualTo("es");
        SyndEntry item = feed.getEntries().get(0);
        assertThat(item.getUri()).isEqualTo("urn:relais:es:article:42");
        assertThat(item.getTitle()).isEqualTo("El gato duerme");
        assertThat(item.getLink()).isEqualTo("https://exemple.fr/chat");
        assertThat(item.getContents().get(0).getValue()).isEqualTo(entry.body());
        assertThat(item.getDescription().getValue()).isEqualTo("Un resumen");
        assertThat(item.getAuthor()).isEqualTo("Anne Roy");
    }

    @Test
    void jsonFeedCarriesTheSameEntryWithItsTranslationDetails() {
        JsonNode feed = JsonMapper.builder().build().readTree(builder.render("es", List.of(entry), FeedFormat.JSON));
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("language").asString()).isEqualTo("es");
        assertThat(feed.get("feed_url").asString()).isEqualTo("https://relais.example/feeds/es/feed.json");
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo("urn:relais:es:article:42");
        assertThat(item.get("url").asString()).isEqualTo("https://exemple.fr/chat");
        assertThat(item.get("content_html").asString()).isEqualTo(entry.body());
        assertThat(item.get("date_modified").asString()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(item.get("authors").get(0).get("name").asString()).isEqualTo("Anne Roy");
        assertThat(item.get("_relais").get("route").asString()).isEqualTo("fr>es");
    }

    @Test
    void atomHasAuthorsIdsUpdatedTimesAndALinkToTheFrenchOriginal() throws Exception {
        String xml = builder.render("es", List.of(entry), FeedFormat.ATOM);
        assertThat(xml).contains("<name>Relais</name>").contains("hreflang=\"fr\"")
                .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://relais.example/feeds/es/atom.xml\"");
        SyndFeed feed = parse(xml);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo("urn:relais:feed:es");
        SyndEntry item = feed.getEntries().get(0);
        assertThat(item.getUri()).isEqualTo("urn:relais:es:article:42");
        assertThat(item.getAuthor()).isEqualTo("Anne Roy");
        assertThat(item.getUpdatedDate().toInstant()).isEqualTo(entry.updatedAt().toInstant());
        assertThat(item.getPublishedDate().toInstant()).isEqualTo(entry.publishedAt().toInstant());
        assertThat(item.getContents().get(0).getValue()).isEqualTo(entry.body());
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            SyndFeed feed = parse(builder.render("ca", List.of(), format));
            assertThat(feed.getEntries()).isEmpty();
            assertThat(feed.getTitle()).isEqualTo("Relais — català");
        }
    }

    private final PublishedEntry withoutUrl = new PublishedEntry(7, 1, "es", "El puerto \u0001abre", "Un resumen",
            "<p>El puerto abre.</p><img src=\"https://exemple.fr/port.png\" alt=\"Puerto\">", null, "Le port ouvre",
            "Anne \u0007Roy", OffsetDateTime.parse("2026-11-20T08:00:00Z"), OffsetDateTime.parse("2026-11-21T09:30:00Z"),
            "apertium", "fr>es", 88.0, TranslationState.APPROVED, 3, "Ouest", "Un résumé", "<p>Le port ouvre.</p>",
            List.of("Mer", "Économie"));

    @Test
    void anEntryWithoutAnOriginalUrlLinksToItsPublicPageAndCarriesItsImageAndCategories() throws Exception {
        String rss = builder.render("es", List.of(withoutUrl), FeedFormat.RSS);
        assertThat(rss).contains("<link>https://relais.example/es/articles/7-el-puerto-abre</link>")
                .contains("<atom:link rel=\"self\" href=\"https://relais.example/feeds/es/rss.xml\" type=\"application/rss+xml\" />")
                .contains("xml:lang=\"es\"")
                .contains("<enclosure url=\"https://exemple.fr/port.png\" length=\"0\" type=\"image/png\" />")
                .contains("<media:content medium=\"image\" type=\"image/png\" url=\"https://exemple.fr/port.png\" />")
                .contains("<category>Économie</category>")
                .doesNotContain("\u0001").doesNotContain("\u0007");
        SyndEntry item = parse(rss).getEntries().get(0);
        assertThat(item.getTitle()).isEqualTo("El puerto abre");
        assertThat(item.getAuthor()).isEqualTo("Anne Roy");
        String atom = builder.render("es", List.of(withoutUrl), FeedFormat.ATOM);
        assertThat(atom).contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://relais.example/es/articles/7-el-puerto-abre\" hreflang=\"es\" />")
                .contains("href=\"https://relais.example/fr/articles/7-le-port-ouvre\" hreflang=\"fr\"")
                .contains("<link rel=\"enclosure\" type=\"image/png\" href=\"https://exemple.fr/port.png\" />");
        JsonNode json = JsonMapper.builder().build().readTree(builder.render("es", List.of(withoutUrl), FeedFormat.JSON));
        assertThat(json.get("items").get(0).get("url").asString()).isEqualTo("https://relais.example/es/articles/7-el-puerto-abre");
        assertThat(json.get("items").get(0).get("image").asString()).isEqualTo("https://exemple.fr/port.png");
        assertThat(json.get("items").get(0).get("tags").toString()).contains("Économie");
    }

    @Test
    void anArchivePageIsMarkedAndLinksToItsNeighboursAndTheCurrentDocument() {
        FeedView page = new FeedView("es", List.of(entry), "/feeds/es", 2, 1, 3, List.of("https://hub.example/"),
                FeedView.ContentMode.FULL, false);
        String atom = builder.render(page, FeedFormat.ATOM);
        assertThat(atom).contains("<fh:archive />")
                .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://relais.example/feeds/es/archive/2/atom.xml\" />")
                .contains("<link rel=\"current\" type=\"application/atom+xml\" href=\"https://relais.example/feeds/es/atom.xml\" />")
                .contains("rel=\"prev-archive\" type=\"application/atom+xml\" href=\"https://relais.example/feeds/es/archive/1/atom.xml\"")
                .contains("rel=\"next-archive\" type=\"application/atom+xml\" href=\"https://relais.example/feeds/es/archive/3/atom.xml\"")
                .doesNotContain("rel=\"hub\"");
        String rss = builder.render(page, FeedFormat.RSS);
        assertThat(rss).contains("<fh:archive />").contains("<atom:link rel=\"prev-archive\" href=\"https://relais.example/feeds/es/archive/1/rss.xml\"");
        String subscription = builder.render(new FeedView("es", List.of(entry), "/feeds/es", 0, 2, 0,
                List.of("https://hub.example/"), FeedView.ContentMode.FULL, false), FeedFormat.JSON);
        assertThat(subscription).contains("\"next_url\" : \"https://relais.example/feeds/es/archive/2/feed.json\"")
                .contains("\"url\" : \"https://hub.example/\"");
    }

    @Test
    void bilingualEntriesPutTheFrenchOriginalAfterTheTranslationAndTitleOnlyEntriesCarryNoText() {
        FeedView bilingual = new FeedView("es", List.of(withoutUrl), "/feeds/p/t/es", 0, 0, 0, List.of(),
                FeedView.ContentMode.FULL, true);
        String html = builder.contentHtml(withoutUrl, bilingual);
        assertThat(html.indexOf("<p>El puerto abre.</p>")).isLessThan(html.indexOf("<p>Le port ouvre.</p>"));
        assertThat(html).contains("<div lang=\"fr\" class=\"relais-original\">");
        assertThat(builder.summaryText(withoutUrl, bilingual)).isEqualTo("Un resumen\n\n(fr) Un résumé");
        FeedView titles = new FeedView("es", List.of(withoutUrl), "/feeds/p/t/es", 0, 0, 0, List.of(),
                FeedView.ContentMode.TITLE, false);
        String atom = builder.render(titles, FeedFormat.ATOM);
        assertThat(atom).contains("<title>El puerto abre</title>").doesNotContain("<content").doesNotContain("<summary")
                .doesNotContain("enclosure");
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private PublishedEntry entry(long id, String title, String summary, String url) {
        return new PublishedEntry(id, 1, "es", title, summary, "<p>Texto.</p>", url, "Titre", "Jean Dupont",
                OffsetDateTime.parse("2026-11-20T08:00:00Z"), OffsetDateTime.parse("2026-11-21T09:30:00Z"), "apertium",
                "fr>es", 91.0, TranslationState.APPROVED);
    }

    @Test
    void anEntryThatCannotBeWrittenIsLeftOutAndTheRestOfTheFeedIsWritten() throws Exception {
        PublishedEntry controls = entry(6, "Mal\u0001título \ud800", null, "https://exemple.fr/6");
        PublishedEntry broken = new PublishedEntry(7, 1, "es", "Título", null, "<p>Texto.</p>", "https://exemple.fr/7",
                "Titre", "Jean Dupont", OffsetDateTime.parse("2026-11-20T08:00:00Z"), null, "apertium", "fr>es", 91.0,
                TranslationState.APPROVED);   // no update time: this entry cannot be written
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            SyndFeed feed = parse(builder.render("es", List.of(entry, controls, broken), format));
            assertThat(feed.getEntries()).as(format.name()).extracting(SyndEntry::getUri)
                    .containsExactly("urn:relais:es:article:42", "urn:relais:es:article:6");
            assertThat(feed.getEntries().get(1).getTitle()).startsWith("Maltítulo");
        }
    }

    @Test
    void escapedMarkupInASummaryStaysTextInEveryFormat() throws Exception {
        PublishedEntry hostile = entry(8, "Título", "Antes <img src=x onerror=alert(1)> después", "https://exemple.fr/8");
        String rss = builder.render("es", List.of(hostile), FeedFormat.RSS);
        // a reader decodes <description> as HTML: what it decodes must be the text, not an element
        String description = parse(rss).getEntries().get(0).getDescription().getValue();
        assertThat(description).isEqualTo("Antes &lt;img src=x onerror=alert(1)&gt; después");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(description).select("img")).isEmpty();

        SyndFeed atom = parse(builder.render("es", List.of(hostile), FeedFormat.ATOM));
        assertThat(atom.getEntries().get(0).getDescription().getType()).isEqualTo("text");
        assertThat(atom.getEntries().get(0).getDescription().getValue()).isEqualTo(hostile.summary());

        JsonNode json = JsonMapper.builder().build().readTree(builder.render("es", List.of(hostile), FeedFormat.JSON));
        assertThat(json.get("items").get(0).get("summary").asString()).isEqualTo(hostile.summary());   // JSON Feed: plain text
        assertThat(json.get("items").get(0).has("content_text")).isFalse();
    }

    @Test
    void aStoredLinkThatIsNotHttpIsNeverPublished() throws Exception {
        PublishedEntry legacy = entry(9, "Título", null, "javascript:alert(9)");
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            String xml = builder.render("es", List.of(legacy), format);
            assertThat(xml).as(format.name()).doesNotContain("javascript:");
        }
        assertThat(builder.render("es", List.of(legacy), FeedFormat.JSON)).doesNotContain("javascript:")
                .contains("https://relais.example/es/articles/9");
    }
}
