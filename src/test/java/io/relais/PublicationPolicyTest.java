package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedPublisher;
import io.relais.translation.PublishedEntry;
import io.relais.translation.StoredIssue;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publication policy of a feed: {@code reviewed} publishes what an editor approved, {@code machine} also the
 * machine translations with no blocking issue, marked as such, and replaced in place by the editor's approved text.
 * The test profile runs the public feeds with {@code machine}; partners, {@code reviewed} unless they ask.
 */
class PublicationPolicyTest extends StoredArticlesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SPANISH_NOTICE = "Traducción automática del francés, no revisada por un editor.";

    @Autowired
    FeedPublisher publisher;

    @Test
    void onlyApprovedTranslationsAndMachineTranslationsWithoutABlockingIssueArePublishable() {
        Source source = source("test:policy-publishable", "es");
        long clean = article(source, "Le marché de Noël ouvre à Strasbourg");
        long blocked = article(source, "La ville vote un budget de 3 millions");
        long failed = article(source, "Un article que le moteur n'a pas su traduire");
        long rejected = article(source, "Un article refusé par l'éditeur");
        long approved = article(source, "Un article approuvé par l'éditeur");
        machine(clean, "El mercado de Navidad abre en Estrasburgo", List.of(new StoredIssue("languagetool", "body",
                "MORFOLOGIK_RULE_ES", "Spelling", 0, 3, null, "spelling")));
        machine(blocked, "La ciudad vota un presupuesto", List.of(new StoredIssue("numbers", "body",
                "NUMBER_MISSING", "A figure of the French text is missing: 3", -1, -1, null, StoredIssue.BLOCKING_SEVERITY)));
        translations.save(TranslationResult.failed(failed, 1, "es", "apertium", "fr>es", "engine stopped"));
        machine(rejected, "Un artículo rechazado", List.of());
        editor(rejected, TranslationAction.REJECT, null, "wrong sense");
        machine(approved, "Un artículo aprobado", List.of());
        editor(approved, TranslationAction.APPROVE, "Un artículo aprobado por el editor", null);

        List<PublishedEntry> publishable = translations.publishable("es", Integer.MAX_VALUE);
        assertThat(publishable).extracting(PublishedEntry::articleId).contains(clean, approved)
                .doesNotContain(blocked, failed, rejected);
        PublishedEntry machineEntry = publishable.stream().filter(e -> e.articleId() == clean).findFirst().orElseThrow();
        assertThat(machineEntry.reviewed()).isFalse();
        assertThat(machineEntry.state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        PublishedEntry reviewed = publishable.stream().filter(e -> e.articleId() == approved).findFirst().orElseThrow();
        assertThat(reviewed.reviewed()).isTrue();
        assertThat(reviewed.title()).isEqualTo("Un artículo aprobado por el editor");
    }

    @Test
    void aMachineTranslationIsPublishedMarkedKeepsTheBatchTextWhileAnEditorDraftsAndIsReplacedInPlaceOnApproval() {
        Source source = source("test:policy-in-place", "es");
        long id = article(source, "Le tramway de Nantes prolongé jusqu'à l'aéroport");
        machine(id, "El tranvía de Nantes prolongado hasta el aeropuerto", List.of());
        publisher.republish("es");
        String entryId = "urn:relais:es:article:" + id;

        String atom = anonymousGet(url("/feeds/es/atom.xml")).body();
        String machineEntry = entry(atom, entryId);
        assertThat(machineEntry).contains("El tranvía de Nantes prolongado hasta el aeropuerto")
                .contains("<summary type=\"text\">" + SPANISH_NOTICE)
                .contains("term=\"machine-translation\" scheme=\"urn:relais:translation\" label=\"Traducción automática\"");
        assertThat(anonymousGet(url("/feeds/es/rss.xml")).body()).contains("<description>" + SPANISH_NOTICE);
        JsonNode item = item(JSON.readTree(anonymousGet(url("/feeds/es/feed.json")).body()), entryId);
        assertThat(item.get("_relais").get("machine_translation").asBoolean()).isTrue();
        assertThat(item.get("content_html").asString()).startsWith("<p class=\"relais-machine-translation\"><em>" + SPANISH_NOTICE);
        String page = anonymousGet(url("/es/articles/" + id + "-el-tranvia-de-nantes-prolongado-hasta-el-aeropuerto")).body();
        assertThat(page).contains("id=\"machine-translation-notice\"").contains(SPANISH_NOTICE);
        String updatedBefore = updated(machineEntry);

        // an editor's draft is not published: the machine feed keeps the text the batch wrote and checked
        Translation draft = editor(id, TranslationAction.EDIT, "Borrador a medias del editor", null);
        assertThat(draft.state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        publisher.republish("es");
        String whileDrafting = anonymousGet(url("/feeds/es/atom.xml")).body();
        assertThat(whileDrafting).doesNotContain("Borrador a medias");
        assertThat(updated(entry(whileDrafting, entryId))).isEqualTo(updatedBefore);

        // approved, the same entry comes back with the editor's text, no notice, and a later updated date
        editor(id, TranslationAction.APPROVE, "El tranvía de Nantes llegará al aeropuerto", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(anonymousGet(url("/feeds/es/atom.xml")).body()).contains("El tranvía de Nantes llegará al aeropuerto"));
        String approvedEntry = entry(anonymousGet(url("/feeds/es/atom.xml")).body(), entryId);
        assertThat(approvedEntry).doesNotContain(SPANISH_NOTICE).doesNotContain("machine-translation");
        assertThat(java.time.Instant.parse(updated(approvedEntry))).isAfter(java.time.Instant.parse(updatedBefore));
        assertThat(anonymousGet(url("/feeds/es/atom.xml")).body().split(Pattern.quote("<id>" + entryId + "</id>"), -1))
                .as("one entry for the article").hasSize(2);
        String approvedPage = anonymousGet(url("/es/articles/" + id + "-el-tranvia-de-nantes-llegara-al-aeropuerto")).body();
        assertThat(approvedPage).doesNotContain("machine-translation-notice").contains("Revisado por un editor.");
    }

    /**
     * A rejected machine translation stays out of the feeds when an editor asks another engine for a new one: the
     * translation goes back to review with the new engine's text, which no check ran on, and the machine feeds
     * published the rejected text again (the batch's, kept as the text the checks ran on) — unless it came back as
     * the very version logged before (same state and text), which the log skipped as already there.
     */
    @Test
    void aRejectedMachineTextIsNotPublishedAgainWhenAnotherEngineRetranslatesIt() {
        Source source = source("test:policy-retranslate", "es");
        long id = article(source, "Le phare de Biarritz rouvre au public");
        translations.save(new TranslationResult(id, 1, "es", "apertium", "fr>es", "El faro de Biarritz reabre al público",
                "Un resumen.", "<p>El faro de Biarritz reabre al público.</p>", 91.0, 8, 0, TranslationState.AUTO_APPROVED,
                null, List.of()));
        publisher.republish("es");
        assertThat(anonymousGet(url("/feeds/es/atom.xml")).body()).contains("El faro de Biarritz reabre al público");

        editor(id, TranslationAction.REJECT, null, "contresens");
        publisher.republish("es");
        assertThat(anonymousGet(url("/feeds/es/atom.xml")).body()).doesNotContain("El faro de Biarritz reabre");

        editor(id, TranslationAction.RETRANSLATE, "Otro motor: el faro de Biarritz", null);
        publisher.republish("es");
        String feed = anonymousGet(url("/feeds/es/atom.xml")).body();
        assertThat(feed).doesNotContain("El faro de Biarritz reabre").doesNotContain("urn:relais:es:article:" + id + "<");
        // published once, then withdrawn: its page is gone
        assertThat(anonymousGet(url("/es/articles/" + id)).statusCode()).isEqualTo(410);
    }

    @Test
    void aPartnerGetsOnlyReviewedTranslationsUnlessItsPolicyIsMachineSetThroughThePartnersApi() {
        Source source = source("test:policy-partner", "it");
        long machineOnly = article(source, "Les cigognes reviennent en Alsace");
        machine(machineOnly, "Le cicogne tornano in Alsazia", List.of());
        long approved = article(source, "Un pont neuf à Bordeaux");
        machine(approved, "Un ponte nuovo a Bordeaux", List.of());
        editor(approved, TranslationAction.APPROVE, "Un nuovo ponte a Bordeaux", null);
        publisher.republish("it");

        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Gazzetta\", \"languages\": [\"it\"], "
                + "\"filters\": {\"sources\": [" + source.id() + "]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode partner = JSON.readTree(created.body());
        assertThat(partner.get("policy").asString()).isEqualTo("reviewed");
        String token = partner.get("token").asString();
        String feed = "/feeds/p/" + token + "/it/atom.xml";
        assertThat(anonymousGet(url(feed)).body()).contains("Un nuovo ponte a Bordeaux")
                .doesNotContain("Le cicogne tornano in Alsazia").doesNotContain("machine-translation");

        assertThat(put("/api/partners/" + partner.get("id").asLong(), "{\"policy\": \"everything\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> changed = put("/api/partners/" + partner.get("id").asLong(), "{\"policy\": \"machine\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("policy").asString()).isEqualTo("machine");
        String machineFeed = anonymousGet(url(feed)).body();
        assertThat(machineFeed).contains("Un nuovo ponte a Bordeaux").contains("Le cicogne tornano in Alsazia")
                .contains("Traduzione automatica dal francese, non rivista da un redattore.");
        assertThat(entry(machineFeed, "urn:relais:it:article:" + approved)).doesNotContain("machine-translation");
    }

    private Translation editor(long articleId, TranslationAction action, String title, String reason) {
        Translation t = translations.forArticle(articleId).get(0);
        String body = title == null ? t.body() : "<p>" + title + ".</p>";
        assertThat(translations.apply(t, action, t.version(), title == null ? t.title() : title, t.summary(), body, reason))
                .isTrue();
        return translations.findById(t.id()).orElseThrow();
    }

    /** Stores what the batch would: a machine translation sent to review, with its issues. */
    private void machine(long articleId, String title, List<StoredIssue> issues) {
        String lang = sources.find(articles.find(articleId).orElseThrow().sourceId()).orElseThrow().languages().get(0);
        translations.save(new TranslationResult(articleId, 1, lang, "apertium", "fr>" + lang, title, "Un resumen.",
                "<p>" + title + ".</p>", 62.0, 8, 0, TranslationState.NEEDS_REVIEW, "2 of 3 segments doubtful", issues));
    }

    private long article(Source source, String title) {
        return articles.store(new NewArticle(source.id(), "policy-" + System.nanoTime(), null, title, "Un résumé.",
                "<p>" + title + ".</p>", "Lucie Fabre", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5), null, null,
                List.of())).articleId();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String entry(String atom, String entryId) {
        Matcher m = Pattern.compile("<entry>(?:(?!</entry>).)*<id>" + Pattern.quote(entryId) + "</id>.*?</entry>", Pattern.DOTALL)
                .matcher(atom);
        assertThat(m.find()).as("entry " + entryId).isTrue();
        return m.group();
    }

    private static String updated(String entry) {
        Matcher m = Pattern.compile("<updated>([^<]+)</updated>").matcher(entry);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static JsonNode item(JsonNode feed, String id) {
        for (JsonNode item : feed.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id);
    }
}
