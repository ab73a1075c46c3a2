package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;
import io.relais.ingest.IncomingArticle;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsTheDemoFeedItemsWithTheirFullContent() throws IOException {
        List<IncomingArticle> items = parser.parse(new FetchedFeed(1, "file:demo/feed.xml",
                Files.readAllBytes(Path.of("demo/feed.xml")), "application/xml"));
        assertThat(items).hasSize(6);
        IncomingArticle first = items.get(0);
        assertThat(first.externalId()).isEqualTo("demo-2026-11-lyon-bibliotheques");
        assertThat(first.title()).isEqualTo("La ville de Lyon ouvre trois nouvelles bibliothèques");
        assertThat(first.bodyHtml()).contains("<a href=\"https://fr.wikipedia.org/wiki/Lyon\">");
        // the demo's items have no address of their own: Relais serves their French pages
        assertThat(first.url()).isNull();
        assertThat(first.categories()).containsExactly("Culture");
        assertThat(first.summary()).startsWith("La municipalité a inauguré");
        assertThat(first.author()).isEqualTo("Claire Martin");
        assertThat(first.publishedAt()).isNotNull();
    }

    @Test
    void readsAnAtomFeedAndFallsBackToTheLinkAsId() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated>
                <entry><title>Titre</title><link href="https://exemple.fr/1"/><id>urn:entry:1</id>
                <updated>2026-11-01T00:00:00Z</updated><content type="html">&lt;p&gt;Bonjour&lt;/p&gt;</content></entry></feed>""";
        List<IncomingArticle> items = parser.parse(new FetchedFeed(1, "u", atom.getBytes(StandardCharsets.UTF_8), null));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.externalId()).isEqualTo("urn:entry:1");
            assertThat(i.url()).isEqualTo("https://exemple.fr/1");
            assertThat(i.bodyHtml()).isEqualTo("<p>Bonjour</p>");
        });
    }

    @Test
    void keepsTheCategoriesAnItemGives() {
        String rss = """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>T</title><link>https://exemple.fr</link><description>d</description>
                <item><title>Titre</title><link>https://exemple.fr/2</link><guid>g2</guid><description>Bonjour à tous</description>
                <category>Sport</category><category domain="x">Football</category></item></channel></rss>""";
        assertThat(parser.parse(new FetchedFeed(1, "u", rss.getBytes(StandardCharsets.UTF_8), null)))
                .singleElement().satisfies(i -> assertThat(i.categories()).containsExactly("Sport", "Football"));
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedNotResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>""";
        assertThatThrownBy(() -> parser.parse(new FetchedFeed(7, "http://evil/feed", xxe.getBytes(StandardCharsets.UTF_8),
                "application/xml"))).isInstanceOfSatisfying(UnreadableFeedException.class, e -> {
                    assertThat(e.reason()).startsWith("unreadable feed");
                    assertThat(e.sourceId()).isEqualTo(7);
                    assertThat(e.origin()).isEqualTo("http://evil/feed");
                    assertThat(e.payload()).isEqualTo(xxe.getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void anRss091FeedNamingNetscapesDtdIsReadWithItsEntitiesButADoctypeThatDeclaresSomethingIsNot() {
        String rss091 = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!-- a comment before it -->
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Vieux fil</title><link>https://exemple.fr</link>
                <description>d</description><language>fr</language>
                <item><title>R&eacute;sultats &amp; f&ecirc;te</title><link>https://exemple.fr/1</link>
                <description>Les &eacute;l&egrave;ves ont gagn&eacute;.</description></item></channel></rss>""";
        assertThat(parser.parse(new FetchedFeed(1, "https://exemple.fr/rss", rss091.getBytes(StandardCharsets.ISO_8859_1),
                "text/xml"))).singleElement().satisfies(i -> {
                    assertThat(i.title()).isEqualTo("Résultats & fête");
                    assertThat(i.url()).isEqualTo("https://exemple.fr/1");
                });
        // the same name with an internal subset, or an external DTD followed by one, is still refused whole
        for (String doctype : List.of("<!DOCTYPE rss [<!ENTITY e \"x\">]>",
                "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/x.dtd\" [<!ENTITY e \"x\">]>",
                "<!DOCTYPE rss PUBLIC \"-//X//EN\" \"http://127.0.0.1:9/x.dtd\"><!DOCTYPE rss [<!ENTITY e \"x\">]>")) {
            String declared = "<?xml version=\"1.0\"?>" + doctype
                    + "<rss version=\"2.0\"><channel><title>&e;</title><item><title>&e;</title></item></channel></rss>";
            assertThatThrownBy(() -> parser.parse(new FetchedFeed(1, "u", declared.getBytes(StandardCharsets.UTF_8), null)))
                    .as(doctype).isInstanceOf(UnreadableFeedException.class).hasMessageStartingWith("unreadable feed");
        }
    }

    static final String FRENCH_ITEM = "<rss version=\"2.0\"><channel><title>Été</title><link>https://x.fr</link>"
            + "<description>d</description><item><title>Noël à Besançon : les élèves préparent la fête</title>"
            + "<guid>noel-1</guid><description>Les élèves ont décoré l'école.</description></item></channel></rss>";

    @Test
    void aWindows1252FeedIsReadWithItsAccents() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"windows-1252\"?>" + FRENCH_ITEM)
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(parser.parse(new FetchedFeed(1, "u", bytes, "application/xml")))
                .singleElement().satisfies(i -> assertThat(i.title()).isEqualTo("Noël à Besançon : les élèves préparent la fête"));
    }

    @Test
    void aFeedDeclaredUtf8ButWrittenInWindows1252IsSalvaged() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + FRENCH_ITEM)
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(parser.parse(new FetchedFeed(1, "u", bytes, "application/xml; charset=utf-8")))
                .singleElement().satisfies(i -> assertThat(i.title()).isEqualTo("Noël à Besançon : les élèves préparent la fête"));
    }

    @Test
    void aUtf8FeedWithAByteOrderMarkIsRead() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + FRENCH_ITEM).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertThat(parser.parse(new FetchedFeed(1, "u", bytes, null))).hasSize(1);
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><rss version=\"2.0\"><channel><title>&lol3;</title></channel></rss>";
        assertThatThrownBy(() -> parser.parse(new FetchedFeed(1, "u", bomb.getBytes(StandardCharsets.UTF_8), null)))
                .isInstanceOf(UnreadableFeedException.class).hasMessageStartingWith("unreadable feed");
    }

    @Test
    void everyIllFormedFixtureIsEitherReadOrDeadLetteredWithoutThrowing() throws Exception {
        // feedparser's ill-formed feeds (src/test/resources/fixtures/feeds-illformed, with their LICENSE)
        Path fixtures = Path.of(FeedParserTest.class.getResource("/fixtures/feeds-illformed").toURI());
        try (var files = Files.walk(fixtures)) {
            List<Path> feeds = files.filter(f -> f.toString().endsWith(".xml")).toList();
            assertThat(feeds).hasSizeGreaterThan(15);
            for (Path file : feeds) {
                byte[] bytes = Files.readAllBytes(file);
                try {
                    assertThat(parser.parse(new FetchedFeed(1, file.toString(), bytes, null))).as(file.toString()).isNotNull();
                } catch (UnreadableFeedException deadLettered) {
                    assertThat(deadLettered.reason()).as(file.toString()).startsWith("unreadable feed");
                }
            }
        }
    }

    static byte[] bom(int... marks) {
        byte[] b = new byte[marks.length];
        for (int i = 0; i < marks.length; i++) {
            b[i] = (byte) marks[i];
        }
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void oneItemWithCharactersXmlCannotCarryDoesNotMakeTheWholeFeedUnreadable() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
                <link>https://exemple.fr/</link><description>d</description>
                <item><title>Quimper&#1; rénove sa halle&#x1F;</title><link>https://exemple.fr/a</link>
                <dc:creator>Jean\u0001Dupont&#0;</dc:creator><description>Le conseil a voté.&#xFFFE;</description></item>
                <item><title>Brest inaugure son téléphérique</title><link>https://exemple.fr/b</link>
                <description>Les cabines &#38;#1; repartent, &#233;t&#xE9; comme hiver &#x1F600;.</description></item>
                </channel></rss>""";
        List<IncomingArticle> items = parser.parse(new FetchedFeed(1, "https://exemple.fr/rss",
                feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).title()).isEqualTo("Quimper rénove sa halle");
        assertThat(items.get(0).author()).isEqualTo("JeanDupont");
        assertThat(items.get(0).bodyHtml()).isEqualTo("Le conseil a voté.");
        // legal references are read as ever, and an escaped one stays text
        assertThat(items.get(1).bodyHtml()).isEqualTo("Les cabines &#1; repartent, été comme hiver \uD83D\uDE00.");
    }

    @Test
    void utf16AndUtf32FeedsWithAByteOrderMarkOrADeclarationAreRead() {
        String title = "Noël à Besançon : les élèves préparent la fête";
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            java.nio.charset.Charset cs = java.nio.charset.Charset.forName(charset);
            String generic = charset.substring(0, 6);
            byte[] declared = ("<?xml version=\"1.0\" encoding=\"" + generic + "\"?>" + FRENCH_ITEM).getBytes(cs);
            byte[] mark = charset.startsWith("UTF-16") ? "\uFEFF".getBytes(cs) : "\uFEFF".getBytes(cs);
            byte[] marked = concat(mark, FRENCH_ITEM.getBytes(cs));
            assertThat(parser.parse(new FetchedFeed(1, "u", declared, "application/xml"))).as(charset + " declared")
                    .singleElement().satisfies(i -> assertThat(i.title()).isEqualTo(title));
            assertThat(parser.parse(new FetchedFeed(1, "u", marked, null))).as(charset + " with BOM")
                    .singleElement().satisfies(i -> assertThat(i.title()).isEqualTo(title));
        }
    }

    @Test
    void invalidUtf8IsRefusedWithTheReasonRatherThanStoredGarbled() {
        byte[] good = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + FRENCH_ITEM).getBytes(StandardCharsets.UTF_8);
        byte[] broken = concat(java.util.Arrays.copyOf(good, good.length - 40), bom(0xC3, 0x28, 0xFF));
        broken = concat(broken, java.util.Arrays.copyOfRange(good, good.length - 40, good.length));
        byte[] payload = broken;
        assertThatThrownBy(() -> parser.parse(new FetchedFeed(1, "u", payload, "application/xml")))
                .isInstanceOfSatisfying(UnreadableFeedException.class, e -> {
                    assertThat(e.reason()).contains("invalid UTF-8");
                    assertThat(e.payload()).isEqualTo(payload);
                });
    }

    @Test
    void anEncodingThatCannotBeDecodedFaithfullyIsRefusedWithTheReason() {
        byte[] mac = ("<?xml version=\"1.0\" encoding=\"macintosh\"?>" + FRENCH_ITEM)
                .getBytes(java.nio.charset.Charset.forName("x-MacRoman"));
        assertThatThrownBy(() -> parser.parse(new FetchedFeed(1, "u", mac, "application/xml")))
                .isInstanceOf(UnreadableFeedException.class).hasMessageContaining("unsupported encoding 'macintosh'");
    }

    @Test
    void aRelativeItemLinkIsResolvedAgainstTheFeedsAddress() {
        String rss = "<rss version=\"2.0\"><channel><title>T</title><link>https://x.fr</link><description>d</description>"
                + "<item><title>Titre</title><link>/2026/article</link><guid>g</guid><description>x</description></item>"
                + "</channel></rss>";
        assertThat(parser.parse(new FetchedFeed(1, "https://exemple.fr/rss/feed.xml", rss.getBytes(StandardCharsets.UTF_8),
                null))).singleElement().satisfies(i -> assertThat(i.url()).isEqualTo("https://exemple.fr/2026/article"));
    }
}
