package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import io.relais.publish.FeedPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What partners and visitors get from the public side: feeds whose every link resolves for an anonymous client,
 * public article pages, RFC 5005 archives that stay put, HTTP caching done right, WebSub pings, and well-formed
 * documents whatever the text. Translations are stored as the batch would store them, then published.
 */
class PublishedFeedsTest extends StoredArticlesTest {

    static final String BASE = "http://localhost:8080/";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] FILES = {"rss.xml", "atom.xml", "feed.json"};

    @Autowired
    FeedPublisher publisher;

    @Autowired
    io.relais.publish.internal.FeedDocuments documents;

    @Test
    void everyLinkInEveryFormatResolvesForAnAnonymousClient() throws Exception {
        Source source = source("test:publish-links", "es", "ca");
        long id = article(source, null, "Le port de Sète accueille un nouveau ferry", List.of("Mer", "Économie"));
        translate(id, "es", "El puerto de Sète acoge un nuevo ferry", TranslationState.AUTO_APPROVED);
        translate(id, "ca", "El port de Sète acull un nou ferri", TranslationState.APPROVED);
        publisher.republish("es");
        publisher.republish("ca");

        Set<String> links = new LinkedHashSet<>(List.of(BASE + "feeds/", BASE + "feeds/feeds.opml"));
        Set<String> visited = new LinkedHashSet<>();
        for (String file : FILES) {
            links.add(BASE + "feeds/es/" + file);
        }
        // follow every link of ours found in feeds, pages, the index and the OPML list, twice removed
        for (int depth = 0; depth < 3; depth++) {
            for (String link : new ArrayList<>(links)) {
                if (!visited.add(link)) {
                    continue;
                }
                HttpResponse<String> response = anonymousGet(local(link));
                if (response.statusCode() == 302 && link.contains("/archive/")) {
                    // the archive page being filled leads to the current document
                    String location = response.headers().firstValue("Location").orElseThrow();
                    response = anonymousGet(local(BASE + location.substring(1)));
                }
                if (response.statusCode() == 301 && link.contains("/articles/")) {
                    // an archive page keeps the slug of the title its entry had then: the page moved to the new one
                    String location = response.headers().firstValue("Location").orElseThrow();
                    assertThat(location).as(link).startsWith(link.substring(BASE.length() - 1, link.lastIndexOf('/') + 1)
                            + link.substring(link.lastIndexOf('/') + 1).replaceFirst("-.*", "-"));
                    response = anonymousGet(local(BASE + location.substring(1)));
                }
                assertThat(response.statusCode()).as("GET " + link + " without credentials").isEqualTo(200);
                links.addAll(ourLinks(response.body()));
            }
        }
        assertThat(visited).contains(BASE + "feeds/es/", BASE + "feeds/ca/atom.xml", BASE + "fr/articles/" + id + "-le-port-de-sete-accueille-un-nouveau-ferry")
                .anyMatch(l -> l.startsWith(BASE + "es/articles/" + id + "-el-puerto-de-sete"))
                .anyMatch(l -> l.startsWith(BASE + "ca/articles/" + id + "-"))
                .noneMatch(l -> l.contains("/api/"));

        // the entry: no URL of its own, so it links to its page, which it also carries as an alternate
        String atom = anonymousGet(local(BASE + "feeds/es/atom.xml")).body();
        String page = BASE + "es/articles/" + id + "-el-puerto-de-sete-acoge-un-nuevo-ferry";
        assertThat(atom).contains("<link rel=\"hub\" href=\"" + StubHub.INSTANCE.url() + "\"")
                .contains("<link rel=\"self\" href=\"" + BASE + "feeds/es/atom.xml\" type=\"application/atom+xml\"")
                .contains("xml:lang=\"es\"").contains("<category term=\"Économie\"")
                .contains("hreflang=\"es\" href=\"" + page + "\"")
                .contains("<media:content url=\"https://exemple.fr/images/ferry.jpg\" medium=\"image\" type=\"image/jpeg\"");
        String rss = anonymousGet(local(BASE + "feeds/es/rss.xml")).body();
        assertThat(rss).contains("<link>" + page + "</link>")
                .contains("<atom:link rel=\"self\" href=\"" + BASE + "feeds/es/rss.xml\"")
                .contains("<media:content url=\"https://exemple.fr/images/ferry.jpg\"");

        // the page: translated text, a visible machine-translation note, the way to the original and the other languages
        HttpResponse<String> html = anonymousGet(local(page));
        assertThat(html.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public, max-age="));
        assertThat(html.body()).contains("<h1>El puerto de Sète acoge un nuevo ferry</h1>").contains("<html lang=\"es\">")
                .contains("Traducido automáticamente del francés por <strong>apertium</strong>").contains("<code>fr&gt;es</code>")
                .contains("Traducción automática del francés, no revisada por un editor.")
                .contains("<link rel=\"canonical\" href=\"" + page + "\"")
                .contains("hreflang=\"ca\"").contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"" + BASE + "fr/articles/" + id)
                .contains("type=\"application/atom+xml\" href=\"" + BASE + "feeds/es/atom.xml\"")
                .contains("<img src=\"https://exemple.fr/images/ferry.jpg\"");
        // the page has one address: the id with the title's slug; any other is answered 301 with it
        HttpResponse<String> bare = anonymousGet(local(BASE + "ca/articles/" + id));
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/ca/articles/" + id + "-el-port-de-sete-acull-un-nou-ferri");
        assertThat(anonymousGet(local(BASE + "ca/articles/" + id + "-un-titol-antic")).headers().firstValue("Location"))
                .hasValue("/ca/articles/" + id + "-el-port-de-sete-acull-un-nou-ferri");
        assertThat(anonymousGet(local(BASE + "ca/articles/" + id + "-el-port-de-sete-acull-un-nou-ferri")).body()).contains("Revisat per un editor.")
                .doesNotContain("no revisada").doesNotContain("No revisat");
        // the French page of an article without a URL of its own is French, and offers no other language's feeds
        String french = anonymousGet(local(BASE + "fr/articles/" + id + "-le-port-de-sete-accueille-un-nouveau-ferry")).body();
        assertThat(french).contains("<html lang=\"fr\">").contains("Article original en français")
                .doesNotContain("feeds/ca/atom.xml").doesNotContain("feeds/es/atom.xml");
        assertThat(anonymousGet(local(BASE + "it/articles/" + id)).statusCode()).isEqualTo(404);
        assertThat(anonymousGet(local(BASE + "es/articles/999999999")).statusCode()).isEqualTo(404);

        // static copies a web server running as another user can read
        for (String file : FILES) {
            Path copy = FEEDS.resolve("es").resolve(file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-r--r--");
            assertThat(Files.readString(copy)).contains("urn:relais:es:article:" + id);
        }
        assertThat(Files.exists(FEEDS.resolve("feeds.opml"))).isTrue();
    }

    @Test
    void feedsAnswerConditionalRequestsWithValidatorsFixedUntilTheFeedChanges() throws Exception {
        Source source = source("test:publish-http", "es");
        long first = article(source, "https://exemple.fr/http-1", "Les vendanges commencent en Alsace", List.of());
        translate(first, "es", "La vendimia empieza en Alsacia", TranslationState.AUTO_APPROVED);
        publisher.republish("es");

        String url = "http://localhost:" + port + "/feeds/es/atom.xml";
        HttpResponse<String> ok = anonymousGet(url);
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        String lastModified = ok.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(ok.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(ok.headers().firstValue("Pragma")).isEmpty();
        assertThat(ok.headers().allValues("Link")).contains("<" + StubHub.INSTANCE.url() + ">; rel=\"hub\"",
                "<" + BASE + "feeds/es/atom.xml>; rel=\"self\"");

        Thread.sleep(1100); // a new request a second later still sees the same validators
        HttpResponse<String> again = anonymousGet(url);
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Last-Modified")).hasValue(lastModified);

        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        assertThat(head.body()).isEmpty();

        assertThat(send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build()).statusCode()).isEqualTo(304);
        assertThat(send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(304);
        assertThat(send(HttpRequest.newBuilder(URI.create(url)).header("If-Modified-Since", lastModified).build()).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> gzip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(ok.body());

        long second = article(source, "https://exemple.fr/http-2", "La récolte de pommes est abondante", List.of());
        translate(second, "es", "La cosecha de manzanas es abundante", TranslationState.AUTO_APPROVED);
        publisher.republish("es");
        HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(Optional(etag));
        assertThat(changed.body()).contains("La cosecha de manzanas es abundante");

        // a correction: the same entry id, a new updated date
        String entryId = "urn:relais:es:article:" + first;
        String before = updatedOf(changed.body(), entryId);
        Thread.sleep(20);
        translations.save(new TranslationResult(first, 1, "es", "apertium", "fr>es", "La vendimia comienza en Alsacia", null,
                "<p>La vendimia comienza.</p>", 90.0, 3, 0, TranslationState.AUTO_APPROVED, null, List.of()));
        publisher.republish("es");
        String corrected = anonymousGet(url).body();
        assertThat(corrected).contains("La vendimia comienza en Alsacia").doesNotContain("La vendimia empieza en Alsacia");
        assertThat(java.time.Instant.parse(updatedOf(corrected, entryId))).isAfter(java.time.Instant.parse(before));
    }

    @Test
    void archivePagesNeverChangeWhateverHappensToTheirEntriesAndLeadBackToEveryEntry() {
        // no run of earlier tests' articles may add pt entries meanwhile (the pages counted below would move)
        quiesce(runs);
        Source source = source("test:publish-archive", "pt");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            ids.add(publishOne(source, i));
        }
        publisher.republish("pt");
        // earlier tests may have published Portuguese entries too: the two newest complete pages hold ours
        long newest = documents.archivePages("pt");
        assertThat(newest).isGreaterThanOrEqualTo(2);
        List<Long> checked = List.of(newest - 1, newest);
        Map<String, String> archives = new HashMap<>();
        Map<String, String> lastModified = new HashMap<>();
        for (String file : FILES) {
            for (long page : checked) {
                HttpResponse<String> archive = anonymousGet(local(BASE + "feeds/pt/archive/" + page + "/" + file));
                assertThat(archive.statusCode()).isEqualTo(200);
                assertThat(archive.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
                archives.put(page + file, archive.body());
                lastModified.put(page + file, archive.headers().firstValue("Last-Modified").orElseThrow());
            }
        }
        // what the service holds of them: a change of the language keeps them, rendered once
        Map<Long, Object> held = new HashMap<>();
        for (long page : checked) {
            held.put(page, documents.feed("pt", io.relais.publish.FeedFormat.ATOM, page).orElseThrow());
        }
        // an archive page's links are there from the start: the older page, the next page, the current document
        String older = archives.get((newest - 1) + "atom.xml");
        assertThat(older).contains("<fh:archive />").contains("rel=\"current\"")
                .contains("rel=\"next-archive\" href=\"" + BASE + "feeds/pt/archive/" + newest + "/atom.xml\"");
        assertThat(archives.get(newest + "atom.xml"))
                .contains("rel=\"prev-archive\" href=\"" + BASE + "feeds/pt/archive/" + (newest - 1) + "/atom.xml\"")
                .contains("rel=\"next-archive\" href=\"" + BASE + "feeds/pt/archive/" + (newest + 1) + "/atom.xml\"");
        assertThat(anonymousGet(local(BASE + "feeds/pt/archive/1/atom.xml")).body()).doesNotContain("prev-archive");
        // the page being filled leads to the current document; a page further on does not exist
        HttpResponse<String> filling = anonymousGet(local(BASE + "feeds/pt/archive/" + (newest + 1) + "/atom.xml"));
        assertThat(filling.statusCode()).isEqualTo(302);
        assertThat(filling.headers().firstValue("Location")).hasValue("/feeds/pt/atom.xml");
        assertThat(anonymousGet(local(BASE + "feeds/pt/archive/" + (newest + 2) + "/atom.xml")).statusCode()).isEqualTo(404);
        // one address per page
        assertThat(anonymousGet(local(BASE + "feeds/pt/archive/0/atom.xml")).statusCode()).isEqualTo(404);
        HttpResponse<String> padded = anonymousGet(local(BASE + "feeds/pt/archive/01/rss.xml"));
        assertThat(padded.statusCode()).isEqualTo(301);
        assertThat(padded.headers().firstValue("Location")).hasValue("/feeds/pt/archive/1/rss.xml");

        // what happens to entries of the older page afterwards: a French correction going back to review (its
        // translation has a blocking issue), a withdrawal, an editor's approved correction; then new entries fill the
        // next page
        List<Long> onOlderPage = ids.stream().filter(id -> older.contains("urn:relais:pt:article:" + id + "<")).toList();
        assertThat(onOlderPage).hasSizeGreaterThanOrEqualTo(3);
        long corrected = onOlderPage.get(0);
        long withdrawn = onOlderPage.get(1);
        long approved = onOlderPage.get(2);
        String correctedTitle = "Despacho número " + ids.indexOf(corrected) + " sobre o tempo";
        String approvedTitle = "Despacho número " + ids.indexOf(approved) + " sobre o tempo";
        var revision = articles.store(new NewArticle(source.id(), articles.find(corrected).orElseThrow().externalId(),
                null, "Dépêche corrigée numéro " + corrected, "Un résumé en français.", "<p>Corrigée.</p>", "Jeanne Martin",
                OffsetDateTime.now(ZoneOffset.UTC), null, null, List.of()));
        assertThat(revision.revision()).isEqualTo(2);
        translations.save(new TranslationResult(corrected, 2, "pt", "apertium", "fr>pt", "Despacho corrigido", null,
                "<p>Corrigido.</p>", 70.0, 3, 0, TranslationState.NEEDS_REVIEW, "a figure is missing",
                List.of(new io.relais.translation.StoredIssue("numbers", "body", "NUMBER_MISSING", "0", -1, -1, null, "error"))));
        var t = translations.find(withdrawn, 1, "pt").orElseThrow();
        assertThat(translations.apply(t, io.relais.translation.TranslationAction.REJECT, t.version(), t.title(), t.summary(),
                t.body(), "wrong")).isTrue();
        var a = translations.find(approved, 1, "pt").orElseThrow();
        assertThat(translations.apply(a, io.relais.translation.TranslationAction.APPROVE, a.version(),
                "Despacho revisto " + approved, a.summary(), "<p>Revisto.</p>", null)).isTrue();
        publisher.republish("pt");
        // the changes are new versions in the current document (or the entry's absence there)
        String current = anonymousGet(local(BASE + "feeds/pt/atom.xml")).body();
        assertThat(current).contains("Despacho revisto " + approved).doesNotContain("urn:relais:pt:article:" + withdrawn + "<")
                .doesNotContain("urn:relais:pt:article:" + corrected + "<");
        for (int i = 105; i < 165; i++) {
            ids.add(publishOne(source, i));
        }
        publisher.republish("pt");
        for (String file : FILES) {
            for (long page : checked) {
                HttpResponse<String> again = anonymousGet(local(BASE + "feeds/pt/archive/" + page + "/" + file));
                assertThat(again.body()).as("archive page " + page + " " + file + " after corrections, a withdrawal and new entries")
                        .isEqualTo(archives.get(page + file));
                assertThat(again.headers().firstValue("Last-Modified")).hasValue(lastModified.get(page + file));
            }
        }
        for (long page : checked) {
            assertThat(documents.feed("pt", io.relais.publish.FeedFormat.ATOM, page).orElseThrow())
                    .as("archive page %d is not rendered again when the language changes", page).isSameAs(held.get(page));
        }
        assertThat(older).contains(correctedTitle).contains("urn:relais:pt:article:" + withdrawn + "<").contains(approvedTitle);
        // the next page now exists
        assertThat(anonymousGet(local(BASE + "feeds/pt/archive/" + (newest + 1) + "/atom.xml")).statusCode()).isEqualTo(200);

        // a partner offline all along walks prev-archive from the subscription document and misses nothing
        for (String file : List.of("atom.xml", "rss.xml")) {
            Set<String> seen = new LinkedHashSet<>();
            String next = BASE + "feeds/pt/" + file;
            while (next != null) {
                String body = anonymousGet(local(next)).body();
                Matcher entryIds = Pattern.compile("urn:relais:pt:article:(\\d+)").matcher(body);
                while (entryIds.find()) {
                    seen.add(entryIds.group(1));
                }
                Matcher prev = Pattern.compile("rel=\"prev-archive\" href=\"([^\"]+)\"").matcher(body);
                next = prev.find() ? prev.group(1) : null;
            }
            assertThat(seen).as(file).containsAll(ids.stream().map(String::valueOf).toList());
        }
        JsonNode json = JSON.readTree(anonymousGet(local(BASE + "feeds/pt/feed.json")).body());
        assertThat(json.get("next_url").asString()).matches(".*/feeds/pt/archive/\\d+/feed\\.json");
    }

    @Test
    void theConfiguredHubIsPingedForEachFeedOfALanguageThatChanged() {
        Source source = source("test:publish-websub", "en");
        long id = article(source, "https://exemple.fr/websub", "Un pont rouvre à Lyon après des travaux", List.of());
        int before = StubHub.INSTANCE.pings().size();
        translate(id, "en", "A bridge reopens in Lyon after works", TranslationState.AUTO_APPROVED);
        publisher.republish("en");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(StubHub.INSTANCE.pings().subList(before,
                StubHub.INSTANCE.pings().size())).contains(BASE + "feeds/en/rss.xml", BASE + "feeds/en/atom.xml",
                BASE + "feeds/en/feed.json"));
        // nothing changed since: nothing is appended, so there is nothing to ping about
        assertThat(publisher.republish("en")).isZero();
    }

    @Test
    void hostileTitlesAndAuthorsStillGiveWellFormedXmlAndValidJson() throws Exception {
        Source source = source("test:publish-hostile", "en");
        String hostile = "Bad \u0001\u0008\u000B\uFFFE title ]]> <script>alert(1)</script> & \"quotes\" \uD800 😀";
        long id = articles.store(new NewArticle(source.id(), "hostile-" + System.nanoTime(), null, "Un titre ordinaire",
                // (no NUL: PostgreSQL text cannot hold it, so no stored data can have one; the door removes it anyway)
                null, "<p>Un texte ordinaire pour la page.</p>", "Eve \u0007<b>&amp;</b>\u001F", OffsetDateTime.now(ZoneOffset.UTC),
                null, null, List.of("cat\u0002egory", "]]>"))).articleId();
        translations.save(new TranslationResult(id, 1, "en", "apertium", "fr>es>en", hostile, "Lead \u0003 ]]>",
                "<p>Text \u0001 with <b>markup</b> ]]&gt;</p>", 88.0, 5, 0, TranslationState.AUTO_APPROVED, null, List.of()));
        publisher.republish("en");

        for (String file : List.of("rss.xml", "atom.xml")) {
            HttpResponse<String> response = anonymousGet("http://localhost:" + port + "/feeds/en/" + file);
            assertThat(response.statusCode()).isEqualTo(200);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            org.w3c.dom.Document xml = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(xml.getDocumentElement()).isNotNull();
            // the title's markup debris is left out of feeds (readers would take it for HTML); the rest is there
            assertThat(response.body()).contains("urn:relais:en:article:" + id).doesNotContain("<script>")
                    .doesNotContain("&lt;script").contains("alert(1)");
            assertThat(parse(response.body()).getEntries()).anySatisfy(e -> assertThat(e.getTitle()).contains("😀"));
        }
        JsonNode json = JSON.readTree(anonymousGet("http://localhost:" + port + "/feeds/en/feed.json").body());
        assertThat(json.get("items").toString()).contains("urn:relais:en:article:" + id);
        String address = anonymousGet("http://localhost:" + port + "/en/articles/" + id).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = anonymousGet("http://localhost:" + port + address);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    private static String updatedOf(String atom, String entryId) {
        Matcher m = Pattern.compile("<id>" + Pattern.quote(entryId) + "</id>\\s*<title[^>]*>[^<]*</title>\\s*<updated>([^<]+)</updated>")
                .matcher(atom);
        assertThat(m.find()).as("entry " + entryId + " with its updated date").isTrue();
        return m.group(1);
    }

    private static java.util.Optional<String> Optional(String value) {
        return java.util.Optional.of(value);
    }

    private long publishOne(Source source, int i) {
        long id = article(source, "https://exemple.fr/archive-" + i, "Dépêche numéro " + i + " sur la météo", List.of());
        translate(id, "pt", "Despacho número " + i + " sobre o tempo", TranslationState.AUTO_APPROVED);
        return id;
    }


    long article(Source source, String url, String title, List<String> categories) {
        return articles.store(new NewArticle(source.id(), "publish-" + System.nanoTime(), url, title,
                "Un résumé en français.", "<p>" + title + ".</p><figure><img src=\"https://exemple.fr/images/ferry.jpg\" alt=\"Photo\"></figure>",
                "Jeanne Martin", OffsetDateTime.now(ZoneOffset.UTC), null, null, categories)).articleId();
    }

    void translate(long articleId, String lang, String title, TranslationState state) {
        translations.save(new TranslationResult(articleId, 1, lang, "apertium", "fr>" + lang, title, "Un resumen.",
                "<p>" + title + ".</p><figure><img src=\"https://exemple.fr/images/ferry.jpg\" alt=\"Foto\"></figure>",
                85.0, 8, 0, state, null, List.of()));
    }

    /** Links to this service found in a document (feeds, pages, OPML), hubs and other hosts left out. */
    static Set<String> ourLinks(String body) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:href|url|xmlUrl|htmlUrl)=\"([^\"]+)\"|<link>([^<]+)</link>|\"[a-z_]*url\" : \"([^\"]+)\"").matcher(body);
        while (m.find()) {
            String link = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            link = link.replace("&amp;", "&");
            if (link.startsWith("/")) {
                link = BASE + link.substring(1);
            }
            if (link.startsWith(BASE)) {
                out.add(link);
            }
        }
        return out;
    }
}
