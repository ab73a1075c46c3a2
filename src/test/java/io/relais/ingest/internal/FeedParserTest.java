package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
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

    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final Sources sources = mock(Sources.class);
    private final FeedParser parser = new FeedParser(deadLetters, sources);

    @Test
    void readsTheDemoFeedItemsWithTheirFullContent() throws IOException {
        List<IncomingArticle> items = parser.parse(new FetchedFeed(1, "file:demo/feed.xml",
                Files.readAllBytes(Path.of("demo/feed.xml")), "application/xml"));
        assertThat(items).hasSize(6);
        IncomingArticle first = items.get(0);
        assertThat(first.externalId()).isEqualTo("demo-2026-11-lyon-bibliotheques");
        assertThat(first.title()).isEqualTo("La ville de Lyon ouvre trois nouvelles bibliothèques");
        assertThat(first.bodyHtml()).contains("<img src=").contains("<a href=\"https://demo.relais.example/programme\">");
        assertThat(first.summary()).startsWith("La municipalité a inauguré");
        assertThat(first.author()).isEqualTo("Claire Martin");
        assertThat(first.publishedAt()).isNotNull();
        verify(deadLetters, never()).record(anyString(), anyString(), any(), any());
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
    void aDoctypeWithAnExternalEntityIsRefusedNotResolved() {
        when(sources.find(7L)).thenReturn(Optional.of(new Source(7, "http://evil/feed", Source.Kind.FEED, "evil", 900,
                "\"etag\"", null, null, null, null, 0, false, false, null, null)));
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>""";
        List<IncomingArticle> items = parser.parse(new FetchedFeed(7, "http://evil/feed", xxe.getBytes(StandardCharsets.UTF_8),
                "application/xml"));
        assertThat(items).isEmpty();
        verify(deadLetters).record(eq("http://evil/feed"), startsWith("unreadable feed"), any(), any());
        verify(sources).recordUnusableContent(eq(7L), startsWith("unreadable feed"), any());
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
        verify(deadLetters, never()).record(anyString(), anyString(), any(), any());
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
        assertThat(parser.parse(new FetchedFeed(1, "u", bomb.getBytes(StandardCharsets.UTF_8), null))).isEmpty();
        verify(deadLetters).record(eq("u"), startsWith("unreadable feed"), any(), any());
    }

    @Test
    void everyIllFormedFixtureIsEitherReadOrDeadLetteredWithoutThrowing() throws IOException {
        try (var files = Files.walk(Path.of("../shared/fixtures/feeds-illformed"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                List<IncomingArticle> items = parser.parse(new FetchedFeed(1, file.toString(), bytes, null));
                assertThat(items).as(file.toString()).isNotNull();
            }
        }
    }
}
