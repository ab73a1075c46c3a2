package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.ITemplateEngine;

import io.relais.StoredArticlesTest;
import io.relais.article.ArticleTraces;
import io.relais.article.HtmlSanitizer;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.ArticleLinks;
import io.relais.publish.FeedBuilder;
import io.relais.publish.FeedPublisher;
import io.relais.publish.PublishSettings;
import io.relais.translation.PublishedEntry;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/** An article page is cached only as long as what it was rendered from is what its feeds publish. */
class ArticlePageCacheTest extends StoredArticlesTest {

    @Autowired
    FeedPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ArticleTraces traces;
    @Autowired
    FeedBuilder builder;
    @Autowired
    HtmlSanitizer sanitizer;
    @Autowired
    PublishSettings settings;
    @Autowired
    FeedDocuments documents;
    @Autowired
    PartnerStore partners;
    @Autowired
    ITemplateEngine templates;

    /**
     * A page request that read the published versions just before an editor's text replaced the machine's: its page,
     * rendered from the machine's text after the change emptied the cache, was kept, and served from then on under
     * the approved text's address until the next change of any feed.
     */
    @Test
    void aPageRenderedFromVersionsReadBeforeAChangeIsNotKept() throws Exception {
        Source source = source("test:page-cache", "pt");
        long id = articles.store(new NewArticle(source.id(), "page-cache-" + System.nanoTime(), null,
                "Le port de Sète s'agrandit", "Un résumé.", "<p>Le port de Sète s'agrandit.</p>", "Anne Roux",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, null, List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "pt", "apertium", "fr>pt", "Texto da máquina sobre Sète",
                "Um resumo.", "<p>Texto da máquina sobre Sète.</p>", 62.0, 6, 0, TranslationState.NEEDS_REVIEW,
                "doubtful", List.of()));
        publisher.republish("pt");

        // the editor's approval lands between this request's reading of the log and its rendering
        EntryLog racing = new EntryLog(jdbc, traces) {
            @Override
            public Map<String, PublishedEntry> publishedVersions(long articleId, Collection<String> feeds) {
                Map<String, PublishedEntry> read = super.publishedVersions(articleId, feeds);
                Translation t = translations.forArticle(id).get(0);
                assertThat(translations.apply(t, TranslationAction.APPROVE, t.version(), "Texto do editor sobre Sète",
                        t.summary(), "<p>Texto do editor sobre Sète.</p>", null)).isTrue();
                publisher.republish("pt");
                return read;
            }
        };
        String machinePath = ArticleLinks.path("pt", id, "Texto da máquina sobre Sète");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", machinePath);
        new ArticlePageController(racing, builder, sanitizer, settings, documents, partners, templates)
                .page("pt", machinePath.substring(machinePath.lastIndexOf('/') + 1), request, new MockHttpServletResponse());

        String page = anonymousGet("http://localhost:" + port + ArticleLinks.path("pt", id, "Texto do editor sobre Sète"))
                .body();
        assertThat(page).contains("Texto do editor sobre Sète").doesNotContain("Texto da máquina");
    }

    /**
     * Clients walking every page (a crawler, a partner's backfill of the archives) do not make the documents kept in
     * memory grow with everything ever published: past the bound the least used are dropped, and a dropped one is
     * rendered again, the same, when it is asked for.
     */
    @Test
    void theDocumentsKeptStayUnderTheirBoundAndADroppedOneIsRenderedAgain() {
        String filler = "<p>" + "Un paragraphe de page. ".repeat(40_000) + "</p>";   // ~1 MB, gzips small
        long pages = 2 * FeedDocuments.MAX_CACHED_BYTES / filler.length() + 2;
        int[] renders = new int[1];
        for (int i = 0; i < pages; i++) {
            String text = "<h1>page " + i + "</h1>" + filler;
            Document d = documents.page("bound-test-" + i, documents.pageGeneration(), () -> {
                renders[0]++;
                return text;
            }, null);
            assertThat(new String(d.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("<h1>page " + i + "</h1>");
            assertThat(documents.cachedBytes()).isLessThanOrEqualTo(FeedDocuments.MAX_CACHED_BYTES);
        }
        assertThat(renders[0]).isEqualTo(pages);
        // the first page was dropped long ago: asked for again, it is rendered again, with its own text
        Document first = documents.page("bound-test-0", documents.pageGeneration(), () -> {
            renders[0]++;
            return "<h1>page 0</h1>" + filler;
        }, null);
        assertThat(renders[0]).isEqualTo(pages + 1);
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("<h1>page 0</h1>");
    }
}
