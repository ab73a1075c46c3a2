package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.translation.StoredIssue;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner mirroring the feeds tells a withdrawn entry from one that only aged out: the Atom documents (public and
 * partners') carry an RFC 6721 tombstone with the id the entry had, JSON Feed lists it under {@code _relais.withdrawn},
 * the validators change, and the withdrawn translation's page answers 410 Gone (a page never published, 404) without
 * a word of what was withdrawn.
 */
class WithdrawnEntriesTest extends StoredArticlesTest {

    static final Namespace TOMBSTONES = Namespace.getNamespace("http://purl.org/atompub/tombstones/1.0");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    FeedPublisher publisher;

    @Test
    void aWithdrawnEntryIsATombstoneInAtomAndListedInJsonFeedAndItsPageIsGone() throws Exception {
        quiesce(runs);   // no run of other tests' articles changes the Spanish feed meanwhile
        Source source = source("test:withdrawn-entries", "es");
        String title = "El faro de Brest se apaga por obras";
        long id = published(source, "Le phare de Brest s'éteint pour travaux", title);
        long neverPublished = articles.store(new NewArticle(source.id(), "withdrawn-never-" + System.nanoTime(), null,
                "Un article jamais publié", null, "<p>Jamais.</p>", null, OffsetDateTime.now(ZoneOffset.UTC), null, null,
                List.of())).articleId();
        translations.save(new TranslationResult(neverPublished, 1, "es", "apertium", "fr>es", "Un artículo nunca publicado",
                null, "<p>Nunca.</p>", 70.0, 3, 0, TranslationState.NEEDS_REVIEW, "a figure is missing",
                List.of(new StoredIssue("numbers", "body", "NUMBER_MISSING", "1", -1, -1, null,
                        StoredIssue.BLOCKING_SEVERITY))));
        publisher.republish("es");
        String partnerAtom = partnerFeed(source, "atom");

        HttpResponse<String> before = fetch("/feeds/es/atom.xml", "application/atom+xml");
        Entry published = atom(before.body()).getEntries().stream()
                .filter(e -> e.getId().endsWith(":article:" + id)).findFirst().orElseThrow();
        String entryId = published.getId();
        assertThat(entryId).isEqualTo("urn:relais:es:article:" + id);
        String page = ArticleLinks.path("es", id, title);
        assertThat(fetch(page, "text/html").statusCode()).isEqualTo(200);
        HttpResponse<String> jsonBefore = fetch("/feeds/es/feed.json", "application/feed+json");

        // an editor takes the translation back
        Instant withdrawing = Instant.now().minusSeconds(1);
        var t = translations.find(id, 1, "es").orElseThrow();
        assertThat(translations.apply(t, TranslationAction.REJECT, t.version(), t.title(), t.summary(), t.body(),
                "wrong")).isTrue();
        publisher.republish("es");
        Instant withdrawn = Instant.now().plusSeconds(1);

        // Atom: the entry is gone, a tombstone names the id it had, with when; the document stays valid Atom
        HttpResponse<String> after = fetch("/feeds/es/atom.xml", "application/atom+xml");
        assertThat(after.statusCode()).isEqualTo(200);
        Feed feed = atom(after.body());
        assertThat(feed.getEntries()).extracting(Entry::getId).doesNotContain(entryId).isNotEmpty();
        Element tombstone = tombstone(feed, entryId);
        Instant when = Instant.parse(tombstone.getAttributeValue("when"));
        assertThat(when).isBetween(withdrawing, withdrawn);
        assertThat(tombstone.getChildText("comment", TOMBSTONES)).isEqualTo("Retirado de este canal: elimínelo de sus copias.");
        assertThat(feed.getUpdated().toInstant()).as("the feed's date moves with the withdrawal").isAfterOrEqualTo(
                when.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(after.body()).doesNotContain(title);
        assertThat(FeedRules.check(BASE + "feeds/es/atom.xml", after.body())).isEmpty();

        // the validators changed: the old ETag and the old date no longer answer 304
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(conditional("/feeds/es/atom.xml", "If-None-Match", before.headers().firstValue("ETag").orElseThrow()))
                .isEqualTo(200);
        assertThat(conditional("/feeds/es/atom.xml", "If-Modified-Since",
                before.headers().firstValue("Last-Modified").orElseThrow())).isEqualTo(200);
        assertThat(conditional("/feeds/es/atom.xml", "If-None-Match", after.headers().firstValue("ETag").orElseThrow()))
                .isEqualTo(304);

        // JSON Feed: the item is gone and listed in the feed's _relais extension with the same id and time
        HttpResponse<String> jsonAfter = fetch("/feeds/es/feed.json", "application/feed+json");
        assertThat(jsonAfter.headers().firstValue("ETag")).isNotEqualTo(jsonBefore.headers().firstValue("ETag"));
        JsonNode json = JSON.readTree(jsonAfter.body());
        assertThat(json.get("items").valueStream().map(i -> i.get("id").asString())).doesNotContain(entryId);
        JsonNode listed = json.get("_relais").get("withdrawn").valueStream()
                .filter(w -> w.get("id").asString().equals(entryId)).findFirst().orElseThrow();
        assertThat(listed.get("date_withdrawn").asString()).isEqualTo(tombstone.getAttributeValue("when"));
        assertThat(jsonAfter.body()).doesNotContain(title);
        assertThat(FeedRules.check(BASE + "feeds/es/feed.json", jsonAfter.body())).isEmpty();

        // RSS: the item is only gone (RSS has no way to say more)
        String rss = fetch("/feeds/es/rss.xml", "application/rss+xml").body();
        assertThat(rss).doesNotContain(entryId + "<").doesNotContain(title);

        // the partner's Atom feed has the same tombstone
        String partnerAfter = anonymousGet(local(partnerAtom)).body();
        assertThat(tombstone(atom(partnerAfter), entryId).getAttributeValue("when")).isNotBlank();
        assertThat(FeedRules.check(partnerAtom, partnerAfter)).isEmpty();

        // the page: 410, the page saying so in the address's language to a browser, a problem detail otherwise;
        // nothing of what was withdrawn in either
        HttpResponse<String> gonePage = fetch(page, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(gonePage.statusCode()).isEqualTo(410);
        assertThat(gonePage.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(gonePage.body()).contains("<html lang=\"es\">").contains("<h1>Artículo retirado</h1>")
                .doesNotContain(title).doesNotContain("faro");
        assertThat(gonePage.body().split("<h1").length).isEqualTo(2);
        HttpResponse<String> goneProblem = fetch(page, "application/json");
        assertThat(goneProblem.statusCode()).isEqualTo(410);
        assertThat(goneProblem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(goneProblem.body());
        assertThat(problem.get("status").asInt()).isEqualTo(410);
        assertThat(problem.get("title").asString()).isEqualTo("Gone");
        assertThat(problem.get("instance").asString()).isEqualTo("/es/articles/" + id);
        assertThat(goneProblem.body()).doesNotContain(title).doesNotContain("faro");
        // the French original's page was there for this translation only: gone as well
        assertThat(fetch("/fr/articles/" + id, "application/json").statusCode()).isEqualTo(410);
        // never published, unknown, or in a language it never had: 404
        assertThat(fetch("/es/articles/" + neverPublished, "application/json").statusCode()).isEqualTo(404);
        assertThat(fetch("/es/articles/" + neverPublished, "text/html").statusCode()).isEqualTo(404);
        assertThat(fetch("/fr/articles/" + neverPublished, "text/html").statusCode()).isEqualTo(404);
        assertThat(fetch("/es/articles/987654321", "application/json").statusCode()).isEqualTo(404);
        assertThat(fetch("/ca/articles/" + id, "application/json").statusCode()).isEqualTo(404);

        // published again (the rejection taken back, the text approved): the entry is back, its tombstone gone, its
        // page there
        var rejected = translations.find(id, 1, "es").orElseThrow();
        assertThat(translations.apply(rejected, TranslationAction.REOPEN, rejected.version(), rejected.title(),
                rejected.summary(), rejected.body(), null)).isTrue();
        var reopened = translations.find(id, 1, "es").orElseThrow();
        assertThat(translations.apply(reopened, TranslationAction.APPROVE, reopened.version(), reopened.title(),
                reopened.summary(), reopened.body(), null)).isTrue();
        publisher.republish("es");
        // (waited for: the approval's own announcement may log the entry first, on the listener's thread, which
        // replaces the documents only when it returns; this republish then finds nothing to log and returns before)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> atom(
                fetch("/feeds/es/atom.xml", "application/atom+xml").body()).getEntries().stream()
                .anyMatch(e -> e.getId().equals(entryId)));
        String again = fetch("/feeds/es/atom.xml", "application/atom+xml").body();
        assertThat(atom(again).getEntries()).extracting(Entry::getId).contains(entryId);
        assertThat(tombstones(atom(again))).extracting(e -> e.getAttributeValue("ref")).doesNotContain(entryId);
        assertThat(JSON.readTree(fetch("/feeds/es/feed.json", "application/feed+json").body()).get("_relais")
                .get("withdrawn").valueStream().map(w -> w.get("id").asString())).doesNotContain(entryId);
        assertThat(fetch(page, "text/html").statusCode()).isEqualTo(200);
    }

    private long published(Source source, String french, String translated) {
        long id = articles.store(new NewArticle(source.id(), "withdrawn-" + System.nanoTime(), null, french, "Un résumé.",
                "<p>" + french + ".</p>", "Yann Le Gall", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, null,
                List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "es", "apertium", "fr>es", translated, "Un resumen.",
                "<p>" + translated + ".</p>", 80.0, 6, 0, TranslationState.APPROVED, null, List.of()));
        return id;
    }

    /** A partner reading this source only, in Spanish: its feed's address (as the service writes it). */
    private String partnerFeed(Source source, String format) {
        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Espejo\", \"languages\": [\"es\"], "
                + "\"filters\": {\"sources\": [" + source.id() + "]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("feeds").get("es").get(format).asString();
    }

    static List<Element> tombstones(Feed feed) {
        return feed.getForeignMarkup().stream()
                .filter(e -> e.getName().equals("deleted-entry") && e.getNamespace().equals(TOMBSTONES)).toList();
    }

    static Element tombstone(Feed feed, String ref) {
        return tombstones(feed).stream().filter(e -> ref.equals(e.getAttributeValue("ref"))).findFirst()
                .orElseThrow(() -> new AssertionError("no tombstone for " + ref));
    }

    /** Read with Rome, as a partner's reader would: the tombstones are the feed's foreign markup. */
    static Feed atom(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    static final String BASE = "http://localhost:8080/";

    private HttpResponse<String> fetch(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int conditional(String path, String header, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
