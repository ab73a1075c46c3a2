package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class ArticleFileParserTest {

    private final ArticleFileParser parser = new ArticleFileParser();

    @Test
    void htmlTakesTheTitleFromH1AndTheBodyFromTheArticleWithoutBoilerplate() {
        ParsedDocument doc = parser.parseHtml("""
                <html><head><title>Titre de l'onglet | Site</title>
                <meta name="author" content="Anne Roy"><meta property="article:published_time" content="2026-11-20T08:00:00+01:00">
                <link rel="canonical" href="https://exemple.fr/a/1"></head>
                <body><header>Menu</header><nav>Accueil</nav>
                <article><h1>Le vrai titre</h1><p>Premier paragraphe.</p>
                <div class="share">Partager sur Facebook</div><p>Second <b>paragraphe</b>.</p></article>
                <aside>Articles similaires</aside><footer>Mentions légales</footer></body></html>
                """, null);
        assertThat(doc.title()).isEqualTo("Le vrai titre");
        assertThat(doc.bodyHtml()).contains("<p>Premier paragraphe.</p>").contains("<b>paragraphe</b>")
                .doesNotContain("Partager").doesNotContain("Menu").doesNotContain("similaires")
                .doesNotContain("<h1>");
        assertThat(doc.author()).isEqualTo("Anne Roy");
        assertThat(doc.url()).isEqualTo("https://exemple.fr/a/1");
        assertThat(doc.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T08:00:00+01:00"));
    }

    @Test
    void htmlWithoutH1UsesTheTitleElementAndTheDensestBlock() {
        ParsedDocument doc = parser.parseHtml("""
                <html><head><title>Un titre</title></head><body>
                <div id="menu"><p>Lien</p></div>
                <div id="contenu"><p>Un long paragraphe de texte.</p><p>Un autre long paragraphe.</p></div>
                </body></html>""", null);
        assertThat(doc.title()).isEqualTo("Un titre");
        assertThat(doc.bodyHtml()).contains("Un long paragraphe").doesNotContain("Lien");
    }

    @Test
    void textTakesTheFirstLineAsTitleAndBlankLinesAsParagraphs() {
        ParsedDocument doc = parser.parseText("Le titre\r\n\r\nPremier paragraphe\nsur deux lignes.\n\nSecond & dernier.\n");
        assertThat(doc.title()).isEqualTo("Le titre");
        assertThat(doc.bodyHtml()).isEqualTo("<p>Premier paragraphe sur deux lignes.</p><p>Second &amp; dernier.</p>");
    }

    @Test
    void jsonReadsTheDocumentedFields() {
        ParsedDocument doc = parser.parseJson("""
                {"title": "Titre", "body": "<p>Corps</p>", "url": "https://exemple.fr/x", "published": "2026-11-02",
                 "author": "Léa"}""");
        assertThat(doc.title()).isEqualTo("Titre");
        assertThat(doc.bodyHtml()).isEqualTo("<p>Corps</p>");
        assertThat(doc.url()).isEqualTo("https://exemple.fr/x");
        assertThat(doc.author()).isEqualTo("Léa");
        assertThat(doc.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void jsonWithAPlainTextBodyGetsParagraphs() {
        assertThat(parser.parseJson("{\"title\": \"T\", \"body\": \"Un.\\n\\nDeux.\"}").bodyHtml())
                .isEqualTo("<p>Un.</p><p>Deux.</p>");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parser.parseJson("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
