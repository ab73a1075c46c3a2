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
    void aWordPressLayoutLosesItsAdsRelatedArticlesCommentsAndBackToTop() {
        ParsedDocument doc = parser.parseHtml("""
                <html><head><title>Inondations dans le Gard – Midi Info</title></head><body class="single">
                <div id="page"><div class="top-bar">Abonnez-vous à Midi Info</div>
                <div class="site-content"><div class="post">
                  <h1 class="entry-title">Inondations dans le Gard : 300 habitants évacués</h1>
                  <div class="entry-meta">Par <span class="author">Lucie Fabre</span></div>
                  <div class="entry-content">
                    <p>Les pompiers ont évacué 300 habitants dans la nuit de dimanche à lundi.</p>
                    <div class="code-block"><span>Publicité</span></div>
                    <p>Le préfet a ouvert un centre d'accueil à Alès.</p>
                    <h3>Articles similaires</h3>
                  </div>
                  <div class="comments-area"><h3>Laisser un commentaire</h3>
                    <p>Votre adresse e-mail ne sera pas publiée.</p></div>
                </div></div>
                <a href="#top">Bouton retour en haut de la page</a></div></body></html>""", null);
        assertThat(doc.title()).isEqualTo("Inondations dans le Gard : 300 habitants évacués");
        assertThat(doc.bodyHtml()).contains("300 habitants").contains("centre d'accueil à Alès")
                .doesNotContain("Publicité").doesNotContain("Articles similaires").doesNotContain("commentaire")
                .doesNotContain("retour en haut").doesNotContain("Abonnez-vous").doesNotContain("adresse e-mail");
    }

    @Test
    void aNewspaperLayoutWithSchemaOrgMarkupKeepsTheArticleBodyOnly() {
        ParsedDocument doc = parser.parseHtml("""
                <html><head><title>Le Quotidien</title><meta property="og:url" content="https://quotidien.example/a/42"></head>
                <body><div class="layout"><div class="breadcrumb">Accueil › Société</div>
                <div itemscope itemtype="https://schema.org/NewsArticle">
                  <h1 itemprop="headline">Grève à la SNCF : le trafic perturbé mardi</h1>
                  <p class="chapo">Un train sur deux circulera sur les lignes TGV.</p>
                  <figure><img src="https://quotidien.example/gare.jpg" alt="La gare de Lyon"><figcaption>La gare de Lyon, lundi soir.</figcaption></figure>
                  <div itemprop="articleBody">
                    <p>La direction prévoit un train sur deux. <a href="/trafic">Consultez le trafic</a>.</p>
                    <aside class="inline-related"><p>À lire aussi</p><a href="/b">Une autre grève</a></aside>
                    <p>Les syndicats demandent une hausse de 5 % des salaires.</p>
                    <div class="share">Partager sur Twitter</div>
                  </div>
                </div>
                <div class="cookie-banner"><p>Nous utilisons des cookies pour améliorer votre expérience.</p></div>
                </div></body></html>""", "https://quotidien.example/a/42");
        assertThat(doc.title()).isEqualTo("Grève à la SNCF : le trafic perturbé mardi");
        assertThat(doc.url()).isEqualTo("https://quotidien.example/a/42");
        assertThat(doc.bodyHtml()).contains("un train sur deux").contains("5 % des salaires")
                .doesNotContain("Accueil").doesNotContain("Une autre grève").doesNotContain("Partager")
                .doesNotContain("cookies");
        assertThat(doc.summary()).isEqualTo("Un train sur deux circulera sur les lignes TGV.");
        // the main image stood above the article body: it is kept, with its caption, at the top
        assertThat(doc.bodyHtml()).startsWith("<figure><img src=\"https://quotidien.example/gare.jpg\"")
                .contains("<figcaption>La gare de Lyon, lundi soir.</figcaption>");
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

    @Test
    void brokenJsonIsRefusedWithAOneLineReasonSayingWhere() {
        assertThatThrownBy(() -> parser.parseJson("{\"title\": \"T\",\n \"body\": \"Un"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON: ").hasMessageContaining("(line 2, column")
                .hasMessageNotContaining("\n");
    }
}
