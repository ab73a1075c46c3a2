package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relais.publish.FeedView.ContentMode;
import io.relais.translation.PublishedEntry;
import io.relais.translation.TranslationState;

/**
 * The validator's rules as the tests apply them: they catch what the W3C Feed Validator reported on Relais's feeds
 * before issue 21, and every shape of document Relais writes now passes them.
 */
class FeedRulesTest {

    static final String RSS_BEFORE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
              <channel>
                <title>Relais — español</title><link>https://relais.example/feeds/es/</link><description>d</description>
                <language>es</language><dc:language>es</dc:language><managingEditor>Relais</managingEditor>
                <pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>
                <item>
                  <title>T</title><link>https://exemple.fr/a</link>
                  <content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded><description>after</description>
                  <enclosure url="https://exemple.fr/i.jpg" length="0" type="image/jpeg"/>
                  <guid isPermaLink="false">urn:a</guid><pubDate>Fri, 4 Dec 2026 09:00:00 GMT</pubDate><dc:date>2026-12-04T09:00:00Z</dc:date>
                </item>
              </channel>
            </rss>""";

    @Test
    void theRulesFindWhatTheValidatorFoundBefore() {
        assertThat(FeedRules.check("https://relais.example/feeds/es/rss.xml", RSS_BEFORE)).anyMatch(f -> f.startsWith("InvalidContact"))
                .anyMatch(f -> f.startsWith("DuplicateSemantics: channel language and dc:language"))
                .anyMatch(f -> f.startsWith("ImplausibleDate"))
                .anyMatch(f -> f.startsWith("NeedDescriptionBeforeContent"))
                .anyMatch(f -> f.startsWith("DuplicateItemSemantics: pubDate and dc:date"))
                .anyMatch(f -> f.startsWith("InvalidIntegerAttribute"))
                .anyMatch(f -> f.startsWith("MissingSelf"));
        String atom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><id>urn:f</id><title>t</title><updated>2026-12-01T00:00:00Z</updated>
                <link rel="self" href="https://relais.example/feeds/es/atom.xml"/><author><name>a</name></author>
                <entry><id>urn:1</id><title>a</title><updated>2026-12-01T00:00:00Z</updated><link href="https://x.example/1"/></entry>
                <entry><id>urn:2</id><title>b</title><updated>2026-12-01T00:00:00Z</updated><link href="https://x.example/2"/><summary>s</summary></entry>
                </feed>""";
        assertThat(FeedRules.check("https://relais.example/feeds/es/atom.xml", atom))
                .anyMatch(f -> f.startsWith("DuplicateUpdated")).anyMatch(f -> f.startsWith("MissingTextualContent"));
        String tombstones = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xml:lang="es">
                <id>urn:f</id><title>t</title><updated>2026-12-01T00:00:00Z</updated>
                <link rel="self" href="https://relais.example/feeds/es/atom.xml"/><author><name>a</name></author>
                <at:deleted-entry ref="urn:1" when="2026-12-01T00:00:00Z"/><at:deleted-entry ref="urn:9"/>
                <entry><id>urn:1</id><title>a</title><updated>2026-12-01T00:00:00Z</updated><summary>s</summary>
                <link href="https://x.example/1"/></entry>
                <at:deleted-entry ref="urn:8" when="yesterday"/>
                </feed>""";
        assertThat(FeedRules.check("https://relais.example/feeds/es/atom.xml", tombstones))
                .anyMatch(f -> f.startsWith("DuplicateEntries (RFC 6721: an entry and its tombstone): urn:1"))
                .anyMatch(f -> f.startsWith("MissingAttribute (RFC 6721): deleted-entry when"))
                .anyMatch(f -> f.startsWith("UndefinedElement (RFC 4287: extension after entries): deleted-entry urn:8"))
                .anyMatch(f -> f.contains("deleted-entry when"));
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>x</title><docs>http://opml.org/spec2.opml</docs></head><body>
                <outline type="rss" text="a" title="a" version="ATOM" xmlUrl="https://relais.example/feeds/es/atom.xml"/></body></opml>""";
        assertThat(FeedRules.check("https://relais.example/feeds/feeds.opml", opml))
                .anyMatch(f -> f.startsWith("UndefinedElement: head docs")).anyMatch(f -> f.startsWith("InvalidOutlineVersion"));
        assertThat(FeedRules.check("https://relais.example/feeds/es/feed.json", "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"t\", "
                + "\"items\": [{\"id\": \"1\", \"author\": {\"name\": \"x\"}, \"extra\": 1}]}"))
                .anyMatch(f -> f.startsWith("JSON Feed version")).anyMatch(f -> f.startsWith("JSON Feed item content"))
                .anyMatch(f -> f.startsWith("JSON Feed author")).anyMatch(f -> f.startsWith("JSON Feed member: item 1 extra"));
    }

    private final FeedBuilder builder = new FeedBuilder("https://relais.example/");

    private final PublishedEntry reviewed = new PublishedEntry(42, 2, "es", "El gato duerme", "Un resumen",
            "<p>El <a href=\"https://exemple.fr/x\">gato</a> duerme.</p><img src=\"https://exemple.fr/i.jpg\" alt=\"Foto\">",
            "https://exemple.fr/chat", "Le chat dort", "Anne Roy", OffsetDateTime.parse("2026-11-20T08:00:00Z"),
            OffsetDateTime.parse("2026-11-21T09:30:00.123456Z"), "apertium", "fr>es", 91.0, TranslationState.APPROVED, 3,
            "Le Quotidien", "Un résumé", "<p>Le chat dort.</p>", List.of("Animaux", "Société"), "https://quotidien.example/rss.xml",
            Map.of("Animaux", "Animales"), new PublishedEntry.MainImage("https://exemple.fr/i.jpg", 1200, "image/jpeg"));
    private final PublishedEntry machine = new PublishedEntry(43, 1, "es", "Otro </b> gato <script>x</script>", null, "<p>Otro.</p>", null,
            "Autre", null, OffsetDateTime.parse("2031-01-01T00:00:00Z"), OffsetDateTime.parse("2026-11-21T09:30:00.123Z"),
            "apertium", "fr>es", 61.0, TranslationState.NEEDS_REVIEW);

    @Test
    void everyShapeOfDocumentRelaisWritesPassesThem() {
        List<FeedView.Item> items = List.of(new FeedView.Item(reviewed, false), new FeedView.Item(machine, false));
        for (Presentation presentation : List.of(Presentation.FULL, new Presentation(ContentMode.SUMMARY, true, false),
                new Presentation(ContentMode.TITLE, false, true), new Presentation(ContentMode.TITLE, true, false))) {
            List<FeedView.Item> presented = items.stream().map(i -> new FeedView.Item(presentation.apply(i.entry()),
                    presentation.resurface())).toList();
            for (long archive : List.of(0L, 1L, 3L)) {
                // a subscription document also announces the entries withdrawn lately (an archive page never does)
                FeedView view = new FeedView("es", presented, "/feeds/es", FeedView.publicId("es"), FeedBuilder.title("es"),
                        archive, archive == 1 ? 0 : 2, List.of("https://hub.example/"), Instant.parse("2026-11-01T00:00:00Z"),
                        archive == 0 ? List.of(new FeedView.Withdrawal(44, Instant.parse("2026-11-22T10:00:00.5Z")),
                                new FeedView.Withdrawal(45, Instant.parse("2026-11-20T10:00:00Z"))) : List.of());
                for (FeedFormat format : FeedFormat.values()) {
                    assertThat(FeedRules.check("https://relais.example" + view.path(format), builder.render(view, format)))
                            .as(presentation + " page " + archive + " " + format).isEmpty();
                }
            }
        }
        FeedView empty = new FeedView("ca", List.of(), "/feeds/ca", FeedView.publicId("ca"), FeedBuilder.title("ca"), 0, 0,
                List.of(), Instant.parse("2026-11-01T00:00:00Z"));
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(FeedRules.check("https://relais.example/feeds/ca/" + format.fileName(), builder.render(empty, format)))
                    .as("empty " + format).isEmpty();
        }
    }
}
