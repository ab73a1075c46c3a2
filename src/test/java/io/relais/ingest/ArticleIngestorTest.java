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
    final DeadLetters deadLetters = mock(DeadLetters.class);
    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final ArticleIngestor ingestor;

    @BeforeAll
    static void loadLanguageIdentifier() {
        gate = new FrenchLanguageGate();
    }

    ArticleIngestorTest() {
        ingestor = new ArticleIngestor(articles, deadLetters, new HtmlSanitizer(), gate, events);
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
    void anEnglishArticleGoesToTheDeadLettersWithTheReason() {
        when(deadLetters.record(anyString(), anyString(), any(), any())).thenReturn(3L);
        assertThatThrownBy(() -> ingestor.ingest(article("The mayor opens a bridge",
                "<p>The mayor of Nantes opened a new bridge over the river on Tuesday, with hundreds of people.</p>")))
                .isInstanceOf(IngestRejectedException.class).hasMessageContaining("not French");
        verify(deadLetters).record(eq("test"), contains("English"), any(), any());
        verifyNoInteractions(articles);
    }

    @Test
    void anArticleWithoutTextIsRefused() {
        when(deadLetters.record(anyString(), anyString(), any(), any())).thenReturn(4L);
        assertThatThrownBy(() -> ingestor.ingest(article("Un titre", "<script>only()</script>")))
                .isInstanceOf(IngestRejectedException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> ingestor.ingest(article("", "")))
                .isInstanceOf(IngestRejectedException.class).hasMessageContaining("empty");
        verifyNoInteractions(articles);
    }

    @Test
    void anArticleOverTheWordLimitIsRefusedWithItsSizeAndKeptInTheDeadLetters() {
        when(deadLetters.record(anyString(), anyString(), any(), any())).thenReturn(5L);
        String paragraph = "<p>Le conseil municipal a voté mardi un nouveau budget pour les transports publics.</p>";
        String huge = paragraph.repeat(ArticleIngestor.MAX_WORDS / 13 + 10);   // 13 words a paragraph

        assertThatThrownBy(() -> ingestor.ingest(article("Un budget sans fin", huge)))
                .isInstanceOf(IngestRejectedException.class)
                .hasMessageContaining("too long").hasMessageContaining("limit is " + ArticleIngestor.MAX_WORDS)
                .hasMessageContaining("split");
        verify(deadLetters).record(eq("test"), contains("too long"), any(), any());
        verifyNoInteractions(articles);
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
}
