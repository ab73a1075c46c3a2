package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedPublisher;
import io.relais.publish.FeedRules;
import io.relais.translation.StoredIssue;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every feed document Relais serves — each language's current documents and archive pages, partner feeds in every
 * presentation with their archive pages, an empty feed, the OPML list, with entries withdrawn (RFC 6721 tombstones,
 * JSON Feed's {@code _relais.withdrawn}) — passes the W3C Feed Validator's rules
 * ({@link FeedRules}; JSON Feed 1.1 by its specification): reached the way a reader reaches them, from the OPML list
 * and the feeds' own links.
 */
class FeedValidityTest extends StoredArticlesTest {

    static final String BASE = "http://localhost:8080/";

    @Autowired
    FeedPublisher publisher;

    @Test
    void everyDocumentServedPassesTheValidatorsRules() {
        Source source = sources.ensure("test:feed-validity", Source.Kind.API, "Le Courrier de l'Ouest");
        sources.updateLanguages(source.id(), List.of("en"));
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 56; i++) {
            long id = articles.store(new NewArticle(source.id(), "validity-" + System.nanoTime(), i % 3 == 0 ? null
                    : "https://exemple.fr/validite/" + i, "Bulletin numéro " + i + " sur les marées", i % 2 == 0 ? "Un résumé." : null,
                    "<p>Bulletin numéro " + i + " sur les <a href=\"https://exemple.fr/marees\">marées</a>.</p>"
                            + (i % 4 == 0 ? "<img src=\"https://exemple.fr/maree-" + i + ".jpg\" alt=\"Marée\">" : ""),
                    i % 5 == 0 ? null : "Anne Guillou",
                    // a future date from a wrong clock, clamped to the arrival
                    i == 7 ? OffsetDateTime.now(ZoneOffset.UTC).plusYears(3) : OffsetDateTime.now(ZoneOffset.UTC).minusHours(60 - i),
                    null, null, i % 2 == 0 ? List.of("Mer", "Météo") : List.of())).articleId();
            ids.add(id);
            TranslationState state = i % 3 == 0 ? TranslationState.APPROVED : TranslationState.NEEDS_REVIEW;
            translations.save(new TranslationResult(id, 1, "en", "apertium", "fr>es>en", "Bulletin number " + i + " on the tides",
                    i % 2 == 0 ? "A summary." : null, "<p>Bulletin number " + i + " on the <a href=\"https://exemple.fr/marees\">tides</a>.</p>"
                            + (i % 4 == 0 ? "<img src=\"https://exemple.fr/maree-" + i + ".jpg\" alt=\"Tide\">" : ""),
                    70.0, 7, 0, state, null, i == 9 ? List.of(new StoredIssue("numbers", "body", "NUMBER_MISSING", "9", -1, -1,
                            null, StoredIssue.BLOCKING_SEVERITY)) : List.of()));
        }
        publisher.republish("en");

        Deque<String> todo = new ArrayDeque<>(List.of(BASE + "feeds/feeds.opml"));
        for (String partner : List.of(
                "{\"name\": \"Full\", \"languages\": [\"en\"], \"policy\": \"machine\"}",
                "{\"name\": \"Summaries\", \"languages\": [\"en\", \"es\"], \"policy\": \"machine\", \"filters\": {\"content\": \"summary\", \"bilingual\": true}}",
                "{\"name\": \"Titles\", \"languages\": [\"en\"], \"policy\": \"machine\", \"filters\": {\"content\": \"title\", \"resurface\": true}}",
                "{\"name\": \"Reviewed\", \"languages\": [\"en\"], \"filters\": {\"sources\": [" + source.id() + "]}}",
                "{\"name\": \"Nothing yet\", \"languages\": [\"en\"], \"filters\": {\"keywords\": [\"no such word anywhere\"]}}")) {
            HttpResponse<String> created = post("/api/partners", partner);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonMapper.builder().build().readTree(created.body()).get("feeds").properties()
                    .forEach(lang -> lang.getValue().properties().forEach(format -> todo.add(format.getValue().asString())));
        }

        // two entries withdrawn after the partners' feeds were filled: tombstones in the public and partner documents
        for (int i : List.of(54, 55)) {
            var t = translations.find(ids.get(i), 1, "en").orElseThrow();
            assertThat(translations.apply(t, TranslationAction.REJECT, t.version(), t.title(), t.summary(), t.body(),
                    "withdrawn")).isTrue();
        }
        publisher.republish("en");

        Map<String, List<String>> findings = new LinkedHashMap<>();
        int withTombstones = 0;
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        while (!todo.isEmpty()) {
            String url = todo.poll();
            if (!seen.add(url)) {
                continue;
            }
            HttpResponse<String> response = anonymousGet(local(url));
            if (response.statusCode() == 302 && url.contains("/archive/")) {
                continue;   // the page being filled: it leads to the current document, already checked
            }
            assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
            String body = response.body();
            if (body.contains("<at:deleted-entry ref=\"urn:relais:en:article:" + ids.get(55) + "\"")
                    || body.contains("\"id\" : \"urn:relais:en:article:" + ids.get(55) + "\",")) {
                withTombstones++;
            }
            List<String> found = FeedRules.check(url, body);
            if (!found.isEmpty()) {
                findings.put(url.replaceAll("/feeds/p/[^/]+/", "/feeds/p/TOKEN/"), found);
            }
            kinds.merge((url.contains("/feeds/p/") ? "partner " : "") + (url.contains("/archive/") ? "archive " : "")
                    + url.substring(url.lastIndexOf('/') + 1), 1, Integer::sum);
            Matcher xmlUrls = Pattern.compile("xmlUrl=\"([^\"]+)\"").matcher(body);
            while (xmlUrls.find()) {
                todo.add(xmlUrls.group(1));
                todo.add(xmlUrls.group(1).replaceAll("(rss|atom)\\.xml$", "feed.json"));
            }
            Matcher links = Pattern.compile("rel=\"(?:prev-archive|next-archive|current)\" href=\"([^\"]+)\"|\"next_url\" : \"([^\"]+)\"").matcher(body);
            while (links.find()) {
                todo.add(links.group(1) != null ? links.group(1) : links.group(2));
            }
        }
        assertThat(findings).as("documents with findings").isEmpty();
        assertThat(kinds).containsKeys("feeds.opml", "rss.xml", "atom.xml", "feed.json", "archive rss.xml", "archive atom.xml",
                "archive feed.json", "partner rss.xml", "partner atom.xml", "partner feed.json", "partner archive atom.xml");
        assertThat(seen.size()).isGreaterThan(40);
        // the public feed and the three partners' feeds that published it, in Atom and JSON Feed
        assertThat(withTombstones).as("documents announcing the withdrawal").isGreaterThanOrEqualTo(8);
    }
}
