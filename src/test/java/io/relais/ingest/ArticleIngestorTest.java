package io.relais.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.StoreResult;
import io.relais.ingest.internal.FrenchLanguageGate;
import io.relais.article.HtmlSanitizer;

/** The gate, with the real sanitiser and LanguageTool's language identifier; storage is mocked. */
class ArticleIngestorTest {

    static FrenchLanguageGate gate;

    final Articles articles = mock(Articles.class);
    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final ArticleIngestor ingestor;

    @BeforeAll
    static void loadLanguageIdentifier() {
        gate = new FrenchLanguageGate();
    }

    ArticleIngestorTest() {
        ingestor = new ArticleIngestor(articles, new HtmlSanitizer(), gate, events,
                org.mockito.Mockito.mock(org.springframework.transaction.PlatformTransactionManager.class));
    }

    static IncomingArticle article(String title, String body) {
        return new IncomingArticle(1, "test", "id-1", "https://exemple.fr/a", title, null, body, null, null, null, null);
    }

    @Test
    void aFrenchArticleIsSanitisedStoredAndAnnounced() {
        when(articles.store(any())).thenReturn(new StoreResult(7, 1, StoreResult.Outcome.CREATED));
        ingestor.ingest(article("Le maire de Nantes inaugure un pont",
                "<p onclick=\"x()\">Le maire de Nantes a inauguré mardi un nouveau pont sur la Loire. "
                        + "<a href=\"/suite\">Lire la suite</a></p><script>alert(1)</script>"));

        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles).store(stored.capture());
        assertThat(stored.getValue().body()).doesNotContain("onclick").doesNotContain("script")
                .contains("<a href=\"https://exemple.fr/suite\">");
        verify(events).publishEvent(new ArticleIngested(7, 1, false));
    }

    @Test
    void anUnchangedArticleIsNotAnnouncedAgain() {
        when(articles.store(any())).thenReturn(new StoreResult(7, 1, StoreResult.Outcome.UNCHANGED));
        ingestor.ingest(article("Le maire de Nantes inaugure un pont",
                "<p>Le maire de Nantes a inauguré mardi un nouveau pont sur la Loire.</p>"));
        verify(events, never()).publishEvent(any());
    }

    @Test
    void anEnglishArticleIsRefusedWithTheReasonItsOriginAndItsPayload() {
        assertThatThrownBy(() -> ingestor.ingest(article("The mayor opens a bridge",
                "<p>The mayor of Nantes opened a new bridge over the river on Tuesday, with hundreds of people.</p>")))
                .isInstanceOfSatisfying(IngestRejectedException.class, e -> {
                    assertThat(e.reason()).contains("not French").contains("English");
                    assertThat(e.origin()).isEqualTo("test");
                    assertThat(new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8)).contains("The mayor");
                });
        verifyNoInteractions(articles);
    }

    @Test
    void anArticleWithoutTextIsRefused() {
        assertThatThrownBy(() -> ingestor.ingest(article("Un titre", "<script>only()</script>")))
                .isInstanceOf(IngestRejectedException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> ingestor.ingest(article("", "")))
                .isInstanceOf(IngestRejectedException.class).hasMessageContaining("empty");
        verifyNoInteractions(articles);
    }

    @Test
    void anArticleOverTheWordLimitIsRefusedWithItsSizeAndKeptInTheDeadLetters() {
        String paragraph = "<p>Le conseil municipal a voté mardi un nouveau budget pour les transports publics.</p>";
        String huge = paragraph.repeat(ArticleIngestor.MAX_WORDS / 13 + 10);   // 13 words a paragraph

        assertThatThrownBy(() -> ingestor.ingest(article("Un budget sans fin", huge)))
                .isInstanceOf(IngestRejectedException.class)
                .hasMessageContaining("too long").hasMessageContaining("limit is " + ArticleIngestor.MAX_WORDS)
                .hasMessageContaining("split")
                .isInstanceOfSatisfying(IngestRejectedException.class, e -> {
                    assertThat(e.origin()).isEqualTo("test");
                    assertThat(e.payload()).isNotEmpty();
                });
        verifyNoInteractions(articles);
    }

    @Test
    void deeplyNestedOrEmptyMarkupIsRefusedWithTheReasonInsteadOfBecomingThousandsOfBlocks() {
        // an inbox page of 200,000 nested divs around one paragraph was stored as 199,491 empty top-level divs: each a
        // block to translate and a cell of the workbench, and approving its translation parsed the body once per cell
        // (still running after ten minutes); a real article has far fewer blocks, and far less depth, than the limits
        String paragraph = "<p>Le conseil municipal de Lille a voté lundi soir le budget de la ville pour l'année.</p>";
        String nested = "<div>".repeat(20_000) + paragraph + "</div>".repeat(20_000);
        String emptyBlocks = "<div></div>".repeat(20_000) + paragraph;

        assertThatThrownBy(() -> ingestor.ingest(article("Le conseil de Lille vote le budget", nested)))
                .isInstanceOfSatisfying(IngestRejectedException.class, e -> {
                    assertThat(e.reason()).contains("nested").contains("limit is " + ArticleIngestor.MAX_DEPTH);
                    assertThat(e.payload()).isNotEmpty();
                });
        assertThatThrownBy(() -> ingestor.ingest(article("Le conseil de Lille vote le budget", emptyBlocks)))
                .isInstanceOfSatisfying(IngestRejectedException.class, e -> {
                    assertThat(e.reason()).contains("20001 paragraphs").contains("limit is " + ArticleIngestor.MAX_BLOCKS);
                    assertThat(e.payload()).isNotEmpty();
                });
        verifyNoInteractions(articles);

        when(articles.store(any())).thenReturn(new StoreResult(9, 1, StoreResult.Outcome.CREATED));
        String shortParagraph = "<p>Le conseil municipal a voté mardi un <em>nouveau</em> budget.</p>";   // 9 words
        ingestor.ingest(article("Un long compte rendu du conseil", shortParagraph.repeat(ArticleIngestor.MAX_BLOCKS)));
        verify(articles).store(any());
    }

    @Test
    void aFeedItemWithOnlyASummaryUsesItAsBody() {
        when(articles.store(any())).thenReturn(new StoreResult(8, 1, StoreResult.Outcome.CREATED));
        ingestor.ingest(new IncomingArticle(1, "feed", "g", null, "Grève des transports à Paris",
                "Les syndicats appellent à une grève des transports jeudi à Paris et en banlieue.", null, null, null,
                null, null));
        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles).store(stored.capture());
        assertThat(stored.getValue().body()).isEqualTo(
                "<p>Les syndicats appellent à une grève des transports jeudi à Paris et en banlieue.</p>");
    }

    static final String BODY = "<p>Le maire de Nantes a inauguré mardi un nouveau pont sur la Loire devant les habitants.</p>";

    @Test
    void anAuthorIsPlainTextLikeTheTitleNoTagsAndEntitiesDecoded() {
        // a feed's <dc:creator><![CDATA[Jean <svg onload=alert(1)> Dupont]]> went out as such in RSS dc:creator and
        // Atom's author name, where readers that take it for HTML would run it; "Jos&eacute;" stayed an entity
        when(articles.store(any())).thenReturn(new StoreResult(9, 1, StoreResult.Outcome.CREATED));
        ingestor.ingest(new IncomingArticle(1, "test", "id-a1", "https://exemple.fr/a", "Le maire de Nantes inaugure un pont",
                null, BODY, "Jean <svg onload=alert(1)> Dupont et Jos&eacute; <b>Martí</b>", null, null, null));
        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles).store(stored.capture());
        assertThat(stored.getValue().author()).isEqualTo("Jean Dupont et José Martí");
    }

    @Test
    void charactersXmlCannotCarryAreRemovedFromEveryFieldAtTheDoor() {
        when(articles.store(any())).thenReturn(new StoreResult(9, 1, StoreResult.Outcome.CREATED));
        ingestor.ingest(new IncomingArticle(1, "test", "id\u0000-9", "https://exemple.fr/a\u0001",
                "Le maire\u0001 de Nantes \ud800inaugure un pont\uFFFE", "Un pont\u0008 sur la Loire\uFFFF.",
                "<p>Le maire de Nantes\u0002 a inauguré mardi un nouveau pont sur la Loire\udc00 devant les habitants.</p>",
                "Jean\u0001Dupont", null, null, null));
        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles).store(stored.capture());
        NewArticle a = stored.getValue();
        assertThat(a.title()).isEqualTo("Le maire de Nantes inaugure un pont");
        assertThat(a.summary()).isEqualTo("Un pont sur la Loire.");
        assertThat(a.author()).isEqualTo("JeanDupont");
        assertThat(a.externalId()).isEqualTo("id-9");
        assertThat(a.url()).isEqualTo("https://exemple.fr/a");
        assertThat(a.body()).doesNotContainPattern("[\\x00-\\x08\\uD800-\\uDFFF\\uFFFE\\uFFFF]")
                .contains("Nantes a inauguré");
    }

    @Test
    void characterReferencesToWhatXmlCannotCarryAreRemovedOnceDecoded() {
        when(articles.store(any())).thenReturn(new StoreResult(9, 1, StoreResult.Outcome.CREATED));
        ingestor.ingest(new IncomingArticle(1, "test", "id-10", null, "Le maire&#1; de Nantes inaugure un pont",
                "Un pont&#x1F; sur la Loire", "<p>Le maire de Nantes&#2; a inauguré mardi un nouveau pont sur la Loire.</p>",
                null, null, null, null));
        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles).store(stored.capture());
        assertThat(stored.getValue().title()).isEqualTo("Le maire de Nantes inaugure un pont");
        assertThat(stored.getValue().summary()).isEqualTo("Un pont sur la Loire");
        assertThat(stored.getValue().body()).doesNotContainPattern("[\\x00-\\x08]").doesNotContain("&#2;").doesNotContain("&#x2;")
                .contains("Nantes a inauguré");
    }

    @Test
    void aPairedSurrogateLikeAnEmojiIsKept() {
        when(articles.store(any())).thenReturn(new StoreResult(9, 1, StoreResult.Outcome.CREATED));
        ingestor.ingest(article("Le maire de Nantes inaugure un pont \uD83C\uDF09", BODY));
        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles).store(stored.capture());
        assertThat(stored.getValue().title()).endsWith("\uD83C\uDF09");
    }

    @Test
    void anArticleLinkThatIsNotHttpOrHttpsIsRefusedWhateverTheWayIn() {
        for (String link : new String[] {"javascript:alert(9)", " JavaScript:alert(9)", "data:text/html,<script>x</script>",
                "vbscript:msgbox(1)", "file:///etc/passwd", "/relative/link", "ftp://exemple.fr/a"}) {
            assertThatThrownBy(() -> ingestor.ingest(new IncomingArticle(1, "feed item", "g", link,
                    "Le maire de Nantes inaugure un pont", null, BODY, null, null, null, null)))
                    .as(link).isInstanceOf(IngestRejectedException.class).hasMessageContaining("http(s)");
        }
        verifyNoInteractions(articles);
    }

    @Test
    void fieldsLongerThanTheStoreKeepsAreCutOrRefusedWithTheReasonInsteadOfFailingInTheDatabase() {
        when(articles.store(any())).thenReturn(new StoreResult(7, 1, StoreResult.Outcome.CREATED));
        String guid = "urn:exemple:" + "g".repeat(3000);
        ingestor.ingest(new IncomingArticle(1, "feed item", guid, "https://exemple.fr/a",
                "Le maire de Nantes inaugure un pont", null, BODY, "Jean Dupont ".repeat(100), null, null, null));
        ingestor.ingest(new IncomingArticle(1, "feed item", guid, "https://exemple.fr/a",
                "Le maire de Nantes inaugure un pont", null, BODY, null, null, null, null));
        ArgumentCaptor<NewArticle> stored = ArgumentCaptor.forClass(NewArticle.class);
        verify(articles, org.mockito.Mockito.times(2)).store(stored.capture());
        NewArticle first = stored.getAllValues().get(0);
        // the identity stays one per GUID (what dedupes revisions), in the 2,000 characters the store keeps
        assertThat(first.externalId()).hasSizeLessThanOrEqualTo(2000).startsWith("sha256:")
                .isEqualTo(stored.getAllValues().get(1).externalId());
        assertThat(first.author()).hasSizeLessThanOrEqualTo(ArticleIngestor.MAX_AUTHOR).startsWith("Jean Dupont Jean");

        // never half an emoji
        assertThat(ArticleIngestor.cut("a".repeat(99) + "\uD83D\uDE00", 100)).hasSize(99);
        assertThat(ArticleIngestor.cut("a".repeat(98) + "\uD83D\uDE00", 100)).hasSize(100);

        String longLink = "https://exemple.fr/" + "a".repeat(2100);
        assertThatThrownBy(() -> ingestor.ingest(new IncomingArticle(1, "feed item", "g2", longLink,
                "Le maire de Nantes inaugure un pont", null, BODY, null, null, null, null)))
                .isInstanceOf(IngestRejectedException.class).hasMessageContaining("longer than 2000 characters");
    }
}
