package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.publish.ArticleLinks;
import io.relais.publish.FeedFormat;
import io.relais.publish.FeedPublisher;
import io.relais.translation.PublishedSetReadFault;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An editor's withdrawal answers once this node no longer serves what it withdrew: every format of the feeds, the
 * language's page, the article's page and the static copies, read at once after the 200 — while the round that
 * follows the commit is held, as a loaded machine delays it. It was answered before that round had run.
 */
class WithdrawalAnswerTest extends RelaisIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TERESA = ReviewApiTest.basic("teresa", "teresa-password-123");

    @Autowired
    Articles articles;
    @Autowired
    Sources sources;
    @Autowired
    Translations translations;
    @Autowired
    FeedPublisher publisher;
    @Autowired
    PublishedSetReadFault reads;

    Source source;

    @BeforeEach
    void editor() {
        assertThat(put("/api/users", "{\"username\": \"teresa\", \"password\": \"teresa-password-123\", "
                + "\"role\": \"EDITOR\", \"languages\": [\"pt\"]}").statusCode()).isEqualTo(200);
        source = sources.ensure("test:withdrawal-answer", Source.Kind.API, "withdrawal answer test");
    }

    @AfterEach
    void release() {
        reads.clear();
    }

    @Test
    void aRejectedTranslationIsServedNowhereOnThisNodeWhenTheRejectionAnswers() {
        String title = "O farol de Cordouan reabre as suas portas";
        long article = article("Le phare de Cordouan rouvre ses portes");
        long id = published(article, title, "<p>O farol reabre.</p>");
        assertThat(publicDocuments(article, title)).allMatch(d -> d.contains(title));

        reads.holdAfterCommit("pt");
        HttpResponse<String> rejected = as(TERESA, "POST", "/api/review/items/" + id + "/reject",
                "{\"version\": 0, \"reason\": \"the wrong lighthouse\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);

        assertThat(publicDocuments(article, title)).noneMatch(d -> d.contains(title));
    }

    /**
     * The answer waits for the article's own entries only: it read (and hashed) everything the language ever
     * published, so an editor's action slowed down with every year of output.
     */
    @Test
    void anEditorsAnswerReadsOnlyTheChangedArticle() {
        String title = "O comboio de Tende volta a circular";
        long article = article("Le train de Tende circule à nouveau");
        long id = published(article, title, "<p>O comboio circula.</p>");
        int before = reads.wholeReadsInTransactions();

        reads.holdAfterCommit("pt");
        HttpResponse<String> rejected = as(TERESA, "POST", "/api/review/items/" + id + "/reject",
                "{\"version\": 0, \"reason\": \"the wrong line\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);

        assertThat(reads.wholeReadsInTransactions()).isEqualTo(before);
        assertThat(publicDocuments(article, title)).noneMatch(d -> d.contains(title));
    }

    @Test
    void anApprovalUndoneLeavesAReviewedPartnerFeedWhenTheUndoAnswers() {
        String machine = "A ponte de Millau fecha por causa do vento";
        String approved = "A ponte de Millau fecha devido ao vento";
        long article = article("Le viaduc de Millau ferme à cause du vent");
        long id = translations.save(new TranslationResult(article, 1, "pt", "apertium", "fr>es>pt", machine, null,
                "<p>A ponte fecha.</p>", 50.0, 8, 0, TranslationState.NEEDS_REVIEW, "review", List.of()));
        JsonNode partner = JSON.readTree(post("/api/partners", "{\"name\": \"Reviewed only\", \"languages\": [\"pt\"], "
                + "\"policy\": \"reviewed\", \"filters\": {\"sources\": [" + source.id() + "]}}").body());
        String feeds = "http://localhost:" + port + "/feeds/p/" + partner.get("token").asString() + "/pt/";

        HttpResponse<String> approval = as(TERESA, "POST", "/api/review/items/" + id + "/approve",
                "{\"version\": 0, \"title\": \"" + approved + "\"}");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
        // an approval is synchronous too: in the partner's feed as it answers
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(anonymousGet(feeds + format.fileName()).body()).contains(approved);
        }

        reads.holdAfterCommit("pt");
        HttpResponse<String> undone = as(TERESA, "POST", "/api/review/items/" + id + "/reopen", "{\"version\": 1}");
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);

        for (FeedFormat format : FeedFormat.values()) {
            assertThat(anonymousGet(feeds + format.fileName()).body()).doesNotContain(approved);
        }
        // the public feed (policy machine) is back to the machine's text
        assertThat(publicDocuments(article, machine)).noneMatch(d -> d.contains(approved));
    }

    /** The feeds' log cannot be written: the withdrawal is refused (503) and nothing changed, the entry still served. */
    @Test
    void aWithdrawalTheFeedsCannotFollowIsRefusedAndChangesNothing() {
        String title = "O museu de Lodève ganha um prémio";
        long article = article("Le musée de Lodève gagne un prix");
        long id = published(article, title, "<p>O museu ganha.</p>");

        reads.failFor("pt");
        HttpResponse<String> rejected = as(TERESA, "POST", "/api/review/items/" + id + "/reject",
                "{\"version\": 0, \"reason\": \"no\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(503);
        assertThat(rejected.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(rejected.body()).get("detail").asString()).contains("nothing was changed");
        reads.clear();

        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.AUTO_APPROVED);
        assertThat(publicDocuments(article, title)).allMatch(d -> d.contains(title));
    }

    /** The machine's Portuguese translation of {@code article}, published (policy machine). */
    private long published(long article, String title, String body) {
        long id = translations.save(new TranslationResult(article, 1, "pt", "apertium", "fr>es>pt", title, null, body,
                80.0, 6, 0, TranslationState.AUTO_APPROVED, null, List.of()));
        publisher.republish("pt");
        return id;
    }

    private long article(String title) {
        return articles.store(new NewArticle(source.id(), "withdrawal-" + System.nanoTime(), null, title, null,
                "<p>" + title + ".</p>", null, OffsetDateTime.now(ZoneOffset.UTC), null, null)).articleId();
    }

    /**
     * What this node serves of Portuguese: each feed format, the language's page, the article's page (at the address
     * its title {@code title} gives it, redirects followed) and the static copies.
     */
    private List<String> publicDocuments(long article, String title) {
        List<String> out = new ArrayList<>();
        String base = "http://localhost:" + port;
        for (FeedFormat format : FeedFormat.values()) {
            out.add(anonymousGet(base + "/feeds/pt/" + format.fileName()).body());
            out.add(read(FEEDS.resolve("pt").resolve(format.fileName())));
        }
        out.add(anonymousGet(base + "/feeds/pt/").body());
        out.add(read(FEEDS.resolve("pt").resolve("index.html")));
        out.add(articlePage(base + ArticleLinks.path("pt", article, title)));
        return out;
    }

    private String articlePage(String url) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url)).build());
        return page.statusCode() + " " + page.headers().firstValue("Location").orElse("") + " " + page.body();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> as(String auth, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }
}
