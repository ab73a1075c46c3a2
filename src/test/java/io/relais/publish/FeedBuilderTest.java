package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
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
            OffsetDateTime.parse("2026-11-21T09:30:00Z"), "apertium", "fr>es", 91.0, TranslationState.APPROVED);

    private final PublishedEntry machine = new PublishedEntry(43, 1, "ca", "El gat dorm", "Un resum", "<p>El gat dorm.</p>",
            "https://exemple.fr/chat2", "Le chat dort encore", null, OffsetDateTime.parse("2026-11-20T08:00:00Z"),
            OffsetDateTime.parse("2026-11-21T09:30:00.123456Z"), "apertium", "fr>ca", 71.0, TranslationState.NEEDS_REVIEW,
            5, "Le Quotidien", null, "<p>Le chat dort encore.</p>", List.of("Animaux"), "https://quotidien.example/rss.xml",
            Map.of("Animaux", "Animals"), new PublishedEntry.MainImage("https://exemple.fr/gat.jpg", 48213L, "image/jpeg"));

    @Test
    void rssLinksTheTranslatedPageAndNamesTheFrenchOriginalItsSourceAndItsAuthor() throws Exception {
        String rss = builder.render("es", List.of(entry), FeedFormat.RSS);
        SyndFeed feed = parse(rss);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLanguage()).isEqualTo("es");
        SyndEntry item = feed.getEntries().get(0);
        assertThat(item.getUri()).isEqualTo("urn:relais:es:article:42");
        assertThat(item.getTitle()).isEqualTo("El gato duerme");
        assertThat(item.getLink()).isEqualTo("https://relais.example/es/articles/42-el-gato-duerme");
        assertThat(item.getContents().get(0).getValue()).isEqualTo(entry.body());
        assertThat(item.getDescription().getValue()).isEqualTo("Un resumen");
        assertThat(item.getAuthor()).isEqualTo("Anne Roy");
        assertThat(rss).contains("<atom:link rel=\"via\" type=\"text/html\" hreflang=\"fr\" href=\"https://exemple.fr/chat\" title=\"Le chat dort\" />")
                .contains("<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>")
                .contains("<atom:updated>2026-11-21T09:30:00Z</atom:updated>")
                // what the validator warns about: Dublin Core duplicates, a name as managingEditor
                .doesNotContain("<dc:date>").doesNotContain("<dc:language>").doesNotContain("managingEditor")
                .doesNotContain("Relais</dc:creator>");
        assertThat(rss.indexOf("<description>Un resumen")).isLessThan(rss.indexOf("<content:encoded>"));
    }

    @Test
    void jsonFeedLinksTheTranslatedPageWithTheOriginalAsExternalUrl() {
        JsonNode feed = JsonMapper.builder().build().readTree(builder.render("es", List.of(entry), FeedFormat.JSON));
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("language").asString()).isEqualTo("es");
        assertThat(feed.get("feed_url").asString()).isEqualTo("https://relais.example/feeds/es/feed.json");
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo("urn:relais:es:article:42");
        assertThat(item.get("url").asString()).isEqualTo("https://relais.example/es/articles/42-el-gato-duerme");
        assertThat(item.get("external_url").asString()).isEqualTo("https://exemple.fr/chat");
        assertThat(item.get("content_html").asString()).isEqualTo(entry.body());
        assertThat(item.get("date_published").asString()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(item.get("date_modified").asString()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(item.get("authors").get(0).get("name").asString()).isEqualTo("Anne Roy");
        assertThat(item.get("_relais").get("route").asString()).isEqualTo("fr>es");
        assertThat(item.get("_relais").get("machine_translation").asBoolean()).isFalse();
        assertThat(item.has("attachments")).isFalse();   // the image's size is not known
    }

    @Test
    void atomGivesEachEntryItsAuthorOnceItsDatesAndTheOriginalAsVia() throws Exception {
        String xml = builder.render("es", List.of(entry), FeedFormat.ATOM);
        assertThat(xml).doesNotContain("<name>Relais</name>").doesNotContain("dc:")
                .contains("<link rel=\"via\" type=\"text/html\" hreflang=\"fr\" href=\"https://exemple.fr/chat\" title=\"Le chat dort\" />")
                .contains("<link rel=\"self\" href=\"https://relais.example/feeds/es/atom.xml\" type=\"application/atom+xml\" />");
        SyndFeed feed = parse(xml);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo("urn:relais:feed:es");
        SyndEntry item = feed.getEntries().get(0);
        assertThat(item.getUri()).isEqualTo("urn:relais:es:article:42");
        assertThat(item.getAuthors()).hasSize(1);
        assertThat(item.getAuthor()).isEqualTo("Anne Roy");
        assertThat(item.getLink()).isEqualTo("https://relais.example/es/articles/42-el-gato-duerme");
        assertThat(item.getUpdatedDate().toInstant()).isEqualTo(entry.updatedAt().toInstant());
        assertThat(item.getPublishedDate().toInstant()).isEqualTo(entry.publishedAt().toInstant());
        assertThat(item.getContents().get(0).getValue()).isEqualTo(entry.body());
    }

    @Test
    void aMachineTranslationSaysSoInEveryFormatInItsOwnLanguage() throws Exception {
        String notice = "Traducció automàtica del francès, no revisada per cap editor.";
        String rss = builder.render("ca", List.of(machine), FeedFormat.RSS);
        SyndEntry item = parse(rss).getEntries().get(0);
        assertThat(item.getDescription().getValue()).isEqualTo(notice + " Un resum");
        assertThat(item.getContents().get(0).getValue()).startsWith("<p class=\"relais-machine-translation\"><em>" + notice + "</em></p>");
        assertThat(rss).contains("<category domain=\"urn:relais:translation\">machine-translation</category>");

        String atom = builder.render("ca", List.of(machine), FeedFormat.ATOM);
        assertThat(atom).contains("<category term=\"machine-translation\" scheme=\"urn:relais:translation\" label=\"Traducció automàtica\" />")
                .contains("<summary type=\"text\">" + notice + " Un resum</summary>");

        JsonNode json = JsonMapper.builder().build().readTree(builder.render("ca", List.of(machine), FeedFormat.JSON));
        JsonNode jsonItem = json.get("items").get(0);
        assertThat(jsonItem.get("_relais").get("machine_translation").asBoolean()).isTrue();
        assertThat(jsonItem.get("summary").asString()).startsWith(notice);
        assertThat(jsonItem.get("content_html").asString()).contains(notice);

        // approved, the same entry carries no notice
        assertThat(builder.render("es", List.of(entry), FeedFormat.ATOM)).doesNotContain("machine-translation")
                .doesNotContain("Traducción automática");
    }

    @Test
    void categoriesAreTranslatedAndTheFrenchOnesKeptUnderTheirOwnScheme() throws Exception {
        String rss = builder.render("ca", List.of(machine), FeedFormat.RSS);
        assertThat(rss).contains("<category domain=\"urn:relais:categories:ca\">Animals</category>")
                .contains("<category domain=\"urn:relais:categories:fr\">Animaux</category>");
        String atom = builder.render("ca", List.of(machine), FeedFormat.ATOM);
        assertThat(atom).contains("<category term=\"Animals\" scheme=\"urn:relais:categories:ca\" />")
                .contains("<category term=\"Animaux\" scheme=\"urn:relais:categories:fr\" />");
        JsonNode item = JsonMapper.builder().build().readTree(builder.render("ca", List.of(machine), FeedFormat.JSON))
                .get("items").get(0);
        assertThat(item.get("tags").toString()).isEqualTo("[\"Animals\"]");
        assertThat(item.get("_relais").get("original_categories").toString()).isEqualTo("[\"Animaux\"]");
    }

    @Test
    void withoutAnAuthorTheSourceIsNamedAndTheSourceFeedIsTheRssSource() throws Exception {
        String rss = builder.render("ca", List.of(machine), FeedFormat.RSS);
        assertThat(rss).contains("<dc:creator>Le Quotidien</dc:creator>")
                .contains("<source url=\"https://quotidien.example/rss.xml\">Le Quotidien</source>");
        assertThat(parse(builder.render("ca", List.of(machine), FeedFormat.ATOM)).getEntries().get(0).getAuthor())
                .isEqualTo("Le Quotidien");
    }

    @Test
    void anImageOfKnownSizeIsAnEnclosureAndOneOfUnknownSizeIsOnlyMediaContent() {
        PublishedEntry sized = machine.withText(machine.title(), machine.summary(), "<p>x</p><img src=\"https://exemple.fr/gat.jpg\">");
        assertThat(builder.render("ca", List.of(sized), FeedFormat.RSS))
                .contains("<enclosure url=\"https://exemple.fr/gat.jpg\" length=\"48213\" type=\"image/jpeg\" />")
                .contains("<media:content url=\"https://exemple.fr/gat.jpg\" medium=\"image\" type=\"image/jpeg\" fileSize=\"48213\" />");
        assertThat(builder.render("ca", List.of(sized), FeedFormat.ATOM))
                .contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"https://exemple.fr/gat.jpg\" length=\"48213\" />");
        assertThat(builder.render("ca", List.of(sized), FeedFormat.JSON)).contains("\"size_in_bytes\" : 48213");

        String unknown = builder.render("es", List.of(entry), FeedFormat.RSS);
        assertThat(unknown).doesNotContain("<enclosure").doesNotContain("length=\"0\"")
                .contains("<media:content url=\"https://exemple.fr/i.jpg\" medium=\"image\" type=\"image/jpeg\" />");
    }

    @Test
    void anEmptyFeedIsValidAndDatedWhenItBeganNot1970() throws Exception {
        FeedView empty = new FeedView("ca", List.of(), "/feeds/ca", FeedView.publicId("ca"), FeedBuilder.title("ca"), 0, 0,
                List.of(), Instant.parse("2026-11-02T10:00:00Z"));
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            String xml = builder.render(empty, format);
            SyndFeed feed = parse(xml);
            assertThat(feed.getEntries()).isEmpty();
            assertThat(feed.getTitle()).isEqualTo("Relais — català");
            assertThat(xml).doesNotContain("1970").containsAnyOf("Mon, 02 Nov 2026 10:00:00 GMT", "2026-11-02T10:00:00Z");
        }
    }

    @Test
    void aSubscriptionDocumentAnnouncesWithdrawnEntriesAsAtomTombstonesAndInJsonFeedsExtension() throws Exception {
        Instant withdrawn = Instant.parse("2026-11-22T07:15:00.250Z");
        FeedView view = new FeedView("es", List.of(new FeedView.Item(entry, false)), "/feeds/es", FeedView.publicId("es"),
                FeedBuilder.title("es"), 0, 0, List.of(), null, List.of(new FeedView.Withdrawal(41, withdrawn)));
        String atom = builder.render(view, FeedFormat.ATOM);
        assertThat(atom).contains("xmlns:at=\"http://purl.org/atompub/tombstones/1.0\"")
                .contains("<at:deleted-entry ref=\"urn:relais:es:article:41\" when=\"2026-11-22T07:15:00.250Z\">")
                .contains("<at:comment>Retirado de este canal: elimínelo de sus copias.</at:comment>")
                // the withdrawal is the feed's latest change: its date
                .contains("<updated>2026-11-22T07:15:00.250Z</updated>");
        assertThat(atom.indexOf("<at:deleted-entry")).isLessThan(atom.indexOf("<entry>"));
        assertThat(parse(atom).getEntries()).extracting(SyndEntry::getUri).containsExactly("urn:relais:es:article:42");
        JsonNode json = JsonMapper.builder().build().readTree(builder.render(view, FeedFormat.JSON));
        assertThat(json.get("_relais").get("withdrawn").get(0).get("id").asString()).isEqualTo("urn:relais:es:article:41");
        assertThat(json.get("_relais").get("withdrawn").get(0).get("date_withdrawn").asString()).isEqualTo("2026-11-22T07:15:00.250Z");
        String rss = builder.render(view, FeedFormat.RSS);
        assertThat(rss).doesNotContain(":article:41").contains("<lastBuildDate>Sun, 22 Nov 2026 07:15:00 GMT</lastBuildDate>");

        // nothing withdrawn: no tombstone namespace, an empty list; an archive page: no list at all
        FeedView none = new FeedView("es", List.of(new FeedView.Item(entry, false)), "/feeds/es", FeedView.publicId("es"),
                FeedBuilder.title("es"), 0, 0, List.of(), null);
        assertThat(builder.render(none, FeedFormat.ATOM)).doesNotContain("tombstones").doesNotContain("deleted-entry");
        assertThat(JsonMapper.builder().build().readTree(builder.render(none, FeedFormat.JSON)).get("_relais")
                .get("withdrawn").isEmpty()).isTrue();
        FeedView archive = new FeedView("es", List.of(new FeedView.Item(entry, false)), "/feeds/es", FeedView.publicId("es"),
                FeedBuilder.title("es"), 1, 0, List.of(), null);
        assertThat(JsonMapper.builder().build().readTree(builder.render(archive, FeedFormat.JSON)).has("_relais")).isFalse();
    }

    @Test
    void twoEntriesUpdatedAtTheSameInstantStillHaveDistinctUpdatedValuesInAtom() {
        PublishedEntry twin = new PublishedEntry(44, 1, "es", "Otro", null, "<p>Otro.</p>", null, "Autre", "Anne Roy",
                entry.publishedAt(), entry.updatedAt(), "apertium", "fr>es", 90.0, TranslationState.APPROVED);
        String atom = builder.render("es", List.of(entry, twin), FeedFormat.ATOM);
        assertThat(atom).contains("<updated>2026-11-21T09:30:00Z</updated>").contains("<updated>2026-11-21T09:30:00.001Z</updated>");
    }

    @Test
    void aPublicationDateLaterThanTheEntryIsClampedToIt() throws Exception {
        PublishedEntry future = new PublishedEntry(45, 1, "es", "Futuro", null, "<p>x</p>", null, "Futur", "Anne Roy",
                OffsetDateTime.parse("2031-01-01T00:00:00Z"), entry.updatedAt(), "apertium", "fr>es", 90.0,
                TranslationState.APPROVED);
        SyndEntry atom = parse(builder.render("es", List.of(future), FeedFormat.ATOM)).getEntries().get(0);
        assertThat(atom.getPublishedDate().toInstant()).isEqualTo(entry.updatedAt().toInstant());
        assertThat(builder.render("es", List.of(future), FeedFormat.RSS)).doesNotContain("2031");
    }

    private final PublishedEntry withoutUrl = new PublishedEntry(7, 1, "es", "El puerto \u0001abre", "Un resumen",
            "<p>El puerto abre.</p><img src=\"https://exemple.fr/port.png\" alt=\"Puerto\">", null, "Le port ouvre",
            "Anne \u0007Roy", OffsetDateTime.parse("2026-11-20T08:00:00Z"), OffsetDateTime.parse("2026-11-21T09:30:00Z"),
            "apertium", "fr>es", 88.0, TranslationState.APPROVED, 3, "Ouest", "Un résumé", "<p>Le port ouvre.</p>",
            List.of("Mer", "Économie"), null);

    @Test
    void anEntryWithoutAnOriginalUrlHasTheFrenchPageRelaisServesAsVia() throws Exception {
        String rss = builder.render("es", List.of(withoutUrl), FeedFormat.RSS);
        assertThat(rss).contains("<link>https://relais.example/es/articles/7-el-puerto-abre</link>")
                .contains("<atom:link rel=\"self\" href=\"https://relais.example/feeds/es/rss.xml\" type=\"application/rss+xml\" />")
                .contains("href=\"https://relais.example/fr/articles/7-le-port-ouvre\"")
                .contains("<media:content url=\"https://exemple.fr/port.png\" medium=\"image\" type=\"image/png\" />")
                .contains("<category domain=\"urn:relais:categories:fr\">Économie</category>")
                .doesNotContain("<source").doesNotContain("\u0001").doesNotContain("\u0007");
        SyndEntry item = parse(rss).getEntries().get(0);
        assertThat(item.getTitle()).isEqualTo("El puerto abre");
        assertThat(item.getAuthor()).isEqualTo("Anne Roy");
        SyndEntry atom = parse(builder.render("es", List.of(withoutUrl), FeedFormat.ATOM)).getEntries().get(0);
        assertThat(atom.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref).contains(
                org.assertj.core.groups.Tuple.tuple("alternate", "https://relais.example/es/articles/7-el-puerto-abre"),
                org.assertj.core.groups.Tuple.tuple("via", "https://relais.example/fr/articles/7-le-port-ouvre"),
                org.assertj.core.groups.Tuple.tuple("enclosure", "https://exemple.fr/port.png"));
        JsonNode json = JsonMapper.builder().build().readTree(builder.render("es", List.of(withoutUrl), FeedFormat.JSON));
        assertThat(json.get("items").get(0).get("url").asString()).isEqualTo("https://relais.example/es/articles/7-el-puerto-abre");
        assertThat(json.get("items").get(0).get("external_url").asString()).isEqualTo("https://relais.example/fr/articles/7-le-port-ouvre");
        assertThat(json.get("items").get(0).get("image").asString()).isEqualTo("https://exemple.fr/port.png");
    }

    @Test
    void anArchivePageIsMarkedAndLinksToItsNeighboursAndTheCurrentDocument() {
        FeedView page = new FeedView("es", List.of(new FeedView.Item(entry, false)), "/feeds/es", FeedView.publicId("es"),
                FeedBuilder.title("es"), 2, 1, List.of("https://hub.example/"), null);
        String atom = builder.render(page, FeedFormat.ATOM);
        assertThat(atom).contains("<fh:archive />").contains("<id>urn:relais:feed:es:archive:2</id>")
                .contains("<link rel=\"self\" href=\"https://relais.example/feeds/es/archive/2/atom.xml\" type=\"application/atom+xml\" />")
                .contains("<link rel=\"current\" href=\"https://relais.example/feeds/es/atom.xml\" type=\"application/atom+xml\" />")
                .contains("<link rel=\"prev-archive\" href=\"https://relais.example/feeds/es/archive/1/atom.xml\" type=\"application/atom+xml\" />")
                .contains("<link rel=\"next-archive\" href=\"https://relais.example/feeds/es/archive/3/atom.xml\" type=\"application/atom+xml\" />")
                .doesNotContain("rel=\"hub\"");
        String rss = builder.render(page, FeedFormat.RSS);
        assertThat(rss).contains("<fh:archive />").contains("<atom:link rel=\"prev-archive\" href=\"https://relais.example/feeds/es/archive/1/rss.xml\"")
                .contains("<atom:link rel=\"next-archive\" href=\"https://relais.example/feeds/es/archive/3/rss.xml\"");
        // JSON Feed says it with expired: the page will never update again (the subscription document will)
        assertThat(builder.render(page, FeedFormat.JSON)).contains("\"expired\" : true");
        String subscription = builder.render(new FeedView("es", List.of(new FeedView.Item(entry, false)), "/feeds/es",
                FeedView.publicId("es"), FeedBuilder.title("es"), 0, 2, List.of("https://hub.example/"), null), FeedFormat.JSON);
        assertThat(subscription).contains("\"next_url\" : \"https://relais.example/feeds/es/archive/2/feed.json\"")
                .contains("\"url\" : \"https://hub.example/\"").doesNotContain("expired");
    }

    @Test
    void resurfacingGivesACorrectedRssItemItsUpdateAsPubDate() {
        FeedView view = new FeedView("es", List.of(new FeedView.Item(entry, true)), "/feeds/p/t/es", "urn:x", "X", 0, 0,
                List.of(), null);
        assertThat(builder.render(view, FeedFormat.RSS)).contains("<pubDate>Sat, 21 Nov 2026 09:30:00 GMT</pubDate>");
        assertThat(builder.render(view, FeedFormat.ATOM)).contains("<published>2026-11-20T08:00:00Z</published>");
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
                "Titre", "Jean Dupont", null, null, "apertium", "fr>es", 91.0,
                TranslationState.APPROVED);   // no date at all: this entry cannot be written
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            SyndFeed feed = parse(builder.render("es", List.of(entry, controls, broken), format));
            assertThat(feed.getEntries()).as(format.name()).extracting(SyndEntry::getUri)
                    .containsExactly("urn:relais:es:article:42", "urn:relais:es:article:6");
            assertThat(feed.getEntries().get(1).getTitle()).startsWith("Maltítulo");
        }
    }

    @Test
    void markupInATextSummaryNeverBecomesAnElement() throws Exception {
        PublishedEntry hostile = entry(8, "Título", "Antes <img src=x onerror=alert(1)> después & <3", "https://exemple.fr/8");
        String rss = builder.render("es", List.of(hostile), FeedFormat.RSS);
        // a reader decodes <description> as HTML: what it decodes must be text; tag-shaped debris is left out
        String description = parse(rss).getEntries().get(0).getDescription().getValue();
        assertThat(description).isEqualTo("Antes después &amp; &lt;3");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(description).select("img")).isEmpty();

        SyndFeed atom = parse(builder.render("es", List.of(hostile), FeedFormat.ATOM));
        assertThat(atom.getEntries().get(0).getDescription().getType()).isEqualTo("text");
        assertThat(atom.getEntries().get(0).getDescription().getValue()).isEqualTo("Antes después & <3");

        JsonNode json = JsonMapper.builder().build().readTree(builder.render("es", List.of(hostile), FeedFormat.JSON));
        assertThat(json.get("items").get(0).get("summary").asString()).isEqualTo(hostile.summary());   // JSON Feed: plain text
        assertThat(json.get("items").get(0).has("content_text")).isFalse();
    }

    @Test
    void aStoredLinkThatIsNotHttpIsNeverPublished() throws Exception {
        PublishedEntry legacy = entry(9, "Título", null, "javascript:alert(9)");
        for (FeedFormat format : FeedFormat.values()) {
            String doc = builder.render("es", List.of(legacy), format);
            assertThat(doc).as(format.name()).doesNotContain("javascript:").contains("https://relais.example/es/articles/9");
        }
    }
}
