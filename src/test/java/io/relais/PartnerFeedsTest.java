package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.publish.FeedPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Partners: tokens shown once and checked on every fetch, languages and filters, and their figures. */
class PartnerFeedsTest extends StoredArticlesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FeedPublisher publisher;

    @Test
    void aPartnerReadsItsFeedsWithItsTokenUntilTheTokenIsRotatedOrRevoked() {
        Source source = source("test:partner-tokens", "ca");
        long id = publish(source, "ca", "Une régate à Marseille", "Una regata a Marsella", List.of(), TranslationState.AUTO_APPROVED);

        assertThat(anonymousGet(url("/api/partners")).statusCode()).isEqualTo(401);
        assertThat(post("/api/partners", "{\"name\": \"\", \"languages\": [\"ca\"]}").statusCode()).isEqualTo(400);
        assertThat(post("/api/partners", "{\"name\": \"X\", \"languages\": [\"xx\"]}").statusCode()).isEqualTo(400);
        assertThat(post("/api/partners", "{\"name\": \"X\", \"languages\": [\"ca\"], \"filters\": {\"content\": \"everything\"}}")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Diari de Girona\", \"languages\": [\"ca\"], \"policy\": \"machine\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode partner = JSON.readTree(created.body());
        String token = partner.get("token").asString();
        long partnerId = partner.get("id").asLong();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        String feed = partner.get("feeds").get("ca").get("atom").asString();
        assertThat(feed).isEqualTo("http://localhost:8080/feeds/p/" + token + "/ca/atom.xml");

        HttpResponse<String> ok = anonymousGet(local(feed));
        assertThat(ok.statusCode()).isEqualTo(200);
        // the partner's feed is its own: its id and title, not the public feed's
        assertThat(ok.body()).contains("<id>urn:relais:partner:" + partnerId + ":feed:ca</id>")
                .contains("<title type=\"text\">Relais — català · Diari de Girona</title>")
                .doesNotContain("<id>urn:relais:feed:ca</id>");
        assertThat(ok.body()).contains("Una regata a Marsella").contains("urn:relais:ca:article:" + id)
                .contains("href=\"http://localhost:8080/feeds/p/" + token + "/ca/atom.xml\"");
        assertThat(ok.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("private"));
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        assertThat(send(HttpRequest.newBuilder(URI.create(local(feed))).header("If-None-Match", etag).build()).statusCode())
                .isEqualTo(304);
        for (String file : List.of("rss.xml", "feed.json")) {
            assertThat(anonymousGet(url("/feeds/p/" + token + "/ca/" + file)).statusCode()).isEqualTo(200);
        }

        // the token is nowhere to be read again, and neither a wrong token nor another language gets anything
        assertThat(get("/api/partners/" + partnerId).body()).doesNotContain(token);
        JsonNode listed = JSON.readTree(get("/api/partners/" + partnerId).body());
        assertThat(listed.get("fetches").asLong()).isEqualTo(4);
        assertThat(listed.get("notModified").asLong()).isEqualTo(1);
        assertThat(listed.get("notModifiedShare").asDouble()).isEqualTo(0.25);
        assertThat(listed.get("lastFetchAt").isNull()).isFalse();
        assertThat(anonymousGet(url("/feeds/p/" + token.substring(1) + "x/ca/atom.xml")).statusCode()).isEqualTo(404);
        assertThat(anonymousGet(url("/feeds/p/" + token + "/es/atom.xml")).statusCode()).isEqualTo(404);

        HttpResponse<String> rotated = post("/api/partners/" + partnerId + "/token", "{}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newToken = JSON.readTree(rotated.body()).get("token").asString();
        assertThat(newToken).isNotEqualTo(token);
        assertThat(anonymousGet(url("/feeds/p/" + token + "/ca/atom.xml")).statusCode()).isEqualTo(404);
        assertThat(anonymousGet(url("/feeds/p/" + newToken + "/ca/atom.xml")).statusCode()).isEqualTo(200);

        assertThat(delete("/api/partners/" + partnerId).statusCode()).isEqualTo(200);
        assertThat(anonymousGet(url("/feeds/p/" + newToken + "/ca/atom.xml")).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/partners/" + partnerId).body()).get("revoked").asBoolean()).isTrue();
    }

    @Test
    void filtersChooseTheEntriesAndHowMuchOfThemAPartnerGets() {
        Source sport = source("test:partner-sport", "it");
        Source other = source("test:partner-other", "it");
        long football = publish(sport, "it", "Le club de Nantes gagne le derby", "Il club di Nantes vince il derby",
                List.of("Sport"), TranslationState.APPROVED);
        long rugby = publish(sport, "it", "Le rugby à Toulouse", "Il rugby a Tolosa", List.of("Sport"),
                TranslationState.AUTO_APPROVED);
        long weather = publish(other, "it", "Il neige sur les Alpes", "Nevica sulle Alpi", List.of("Météo"),
                TranslationState.APPROVED);

        String bySource = token("{\"name\": \"Sport only\", \"languages\": [\"it\"], \"policy\": \"machine\", \"filters\": {\"sources\": [" + sport.id() + "]}}");
        assertThat(partnerFeed(bySource)).contains(":article:" + football, ":article:" + rugby).doesNotContain(":article:" + weather);

        String byCategory = token("{\"name\": \"Weather\", \"languages\": [\"it\"], \"policy\": \"machine\", \"filters\": {\"categories\": [\"météo\"]}}");
        assertThat(partnerFeed(byCategory)).contains(":article:" + weather).doesNotContain(":article:" + football + "<", ":article:" + rugby + "<");

        String byKeyword = token("{\"name\": \"Derby\", \"languages\": [\"it\"], \"policy\": \"machine\", \"filters\": {\"keywords\": [\"DERBY\"]}}");
        assertThat(partnerFeed(byKeyword)).contains(":article:" + football + "<").doesNotContain(":article:" + rugby + "<", ":article:" + weather + "<");

        String reviewed = token("{\"name\": \"Reviewed\", \"languages\": [\"it\"], \"filters\": {\"sources\": ["
                + sport.id() + ", " + other.id() + "]}}");
        assertThat(partnerFeed(reviewed)).contains(":article:" + football + "<", ":article:" + weather + "<").doesNotContain(":article:" + rugby + "<");

        String titles = token("{\"name\": \"Titles\", \"languages\": [\"it\"], \"policy\": \"machine\", \"filters\": {\"content\": \"title\", \"sources\": [" + sport.id() + "]}}");
        String titleFeed = partnerFeed(titles);
        // no text but the title (Atom still gets a summary: the title itself)
        assertThat(titleFeed).contains("Il club di Nantes vince il derby").doesNotContain("<content").doesNotContain("riassunto");

        String summaries = token("{\"name\": \"Summaries\", \"languages\": [\"it\"], \"policy\": \"machine\", \"filters\": {\"content\": \"summary\", \"sources\": [" + sport.id() + "]}}");
        assertThat(partnerFeed(summaries)).contains("<summary type=\"text\">Un riassunto.</summary>").doesNotContain("<content");

        String bilingual = token("{\"name\": \"Bilingual\", \"languages\": [\"it\"], \"policy\": \"machine\", \"filters\": {\"bilingual\": true, \"sources\": [" + sport.id() + "]}}");
        String both = partnerFeed(bilingual);
        // the French original follows the translation in the same entry
        assertThat(both).contains("Il club di Nantes vince il derby.&lt;/p&gt;\n&lt;hr/&gt;\n&lt;div lang=\"fr\" class=\"relais-original\"&gt;")
                .contains("Le club de Nantes gagne le derby");
        int translated = both.indexOf("Il club di Nantes vince il derby.&lt;/p&gt;");
        assertThat(both.indexOf("&lt;p&gt;Le club de Nantes gagne le derby.&lt;/p&gt;", translated)).isGreaterThan(translated);
    }

    /** A wrong token, a language not the partner's, a page that does not exist: one 404 problem detail, nothing more. */
    @Test
    void whatAPartnerMayNotReadIsOne404ProblemDetail() {
        source("test:partner-404", "en");
        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Missing\", \"languages\": [\"en\"]}");
        String token = JSON.readTree(created.body()).get("token").asString();
        List<String> details = new java.util.ArrayList<>();
        for (String path : List.of("/feeds/p/" + token + "x/en/atom.xml", "/feeds/p/" + token + "/es/rss.xml",
                "/feeds/p/" + token + "/en/archive/999/feed.json")) {
            HttpResponse<String> missing = anonymousGet(url(path));
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(missing.body());
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(missing.body()).doesNotContainIgnoringCase("exception").doesNotContain("trace");
            details.add(problem.get("detail").asString());
        }
        assertThat(details).containsOnly(details.get(0));
    }

    /**
     * A filter that only looks set — a misspelt member, a null, a blank word — would give the partner every entry, and
     * one naming no source nothing from it: it is a 400 that names the member, never a 500 and never a partner created
     * without the filter.
     */
    @Test
    void aFilterThatOnlyLooksSetIsA400ThatNamesIt() {
        int before = JSON.readTree(get("/api/partners").body()).size();
        for (String[] bad : new String[][] {
                {"\"filters\": {\"keyword\": [\"derby\"]}", "filters.keyword: unknown"},
                {"\"filter\": {\"keywords\": [\"derby\"]}", "filter: unknown"},
                {"\"filters\": {\"keywords\": [\"  \"]}", "filters.keywords"},
                {"\"filters\": {\"categories\": [null]}", "filters.categories"},
                {"\"filters\": {\"sources\": [null]}", "filters.sources"},
                {"\"filters\": {\"sources\": [987654321]}", "filters.sources: no source 987654321"},
                {"\"filters\": {\"content\": \"everything\"}", "filters.content: one of title, summary, full"}}) {
            HttpResponse<String> refused = post("/api/partners", "{\"name\": \"Typo\", \"languages\": [\"it\"], " + bad[0] + "}");
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(bad[0]).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("detail").asString()).as(bad[0]).startsWith(bad[1]);
        }
        assertThat(JSON.readTree(get("/api/partners").body()).size()).isEqualTo(before);
        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Typo\", \"languages\": [\"it\"]}");
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(put("/api/partners/" + id, "{\"filters\": {\"keyword\": [\"derby\"]}}").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get("/api/partners/" + id).body()).get("filters").get("keywords").size()).isZero();
        // the catch-all that finds unknown members is no member of the API's description
        JsonNode schemas = JSON.readTree(get("/v3/api-docs").body()).get("components").get("schemas");
        assertThat(schemas.get("PartnerRequest").get("properties").has("unknown")).isFalse();
        assertThat(schemas.get("FiltersRequest").get("properties").has("unknown")).isFalse();
    }

    private String token(String json) {
        HttpResponse<String> created = post("/api/partners", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("token").asString();
    }

    private String partnerFeed(String token) {
        HttpResponse<String> response = anonymousGet(url("/feeds/p/" + token + "/it/atom.xml"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replace("</id>", "<");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }


    private long publish(Source source, String lang, String french, String translated, List<String> categories,
                         TranslationState state) {
        long id = articles.store(new NewArticle(source.id(), "partner-" + System.nanoTime(), null, french,
                "Un résumé.", "<p>" + french + ".</p>", null, OffsetDateTime.now(ZoneOffset.UTC), null, null, categories))
                .articleId();
        translations.save(new TranslationResult(id, 1, lang, "apertium", "fr>" + lang, translated, "Un riassunto.",
                "<p>" + translated + ".</p>", 80.0, 6, 0, state, null, List.of()));
        publisher.republish(lang);
        return id;
    }
}
