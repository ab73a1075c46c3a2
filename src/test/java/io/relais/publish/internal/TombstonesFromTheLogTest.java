package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.thymeleaf.ITemplateEngine;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedBuilder;
import io.relais.publish.FeedFormat;
import io.relais.publish.FeedPublisher;
import io.relais.publish.FeedView;
import io.relais.publish.PublicationPolicy;
import io.relais.publish.PublishSettings;
import io.relais.translation.TargetLanguages;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/**
 * The withdrawals a subscription document announces come from the publishing log, not from a node's memory or clock:
 * another node (or this one after a restart) renders the same tombstones, byte for byte, with the same validators;
 * and the window is counted back from the feed's last change, so that no node's clock makes one drop out sooner.
 */
class TombstonesFromTheLogTest extends StoredArticlesTest {

    @Autowired
    FeedPublisher publisher;
    @Autowired
    EntryLog log;
    @Autowired
    FeedBuilder builder;
    @Autowired
    PublishSettings settings;
    @Autowired
    TargetLanguages languages;
    @Autowired
    ITemplateEngine templates;
    @Autowired
    DocumentStates states;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherNodeRendersTheSameTombstonesWithTheSameValidators() throws Exception {
        quiesce(runs);   // no run of other tests' articles changes the Italian feed meanwhile
        Source source = sources.ensure("test:tombstones-it", Source.Kind.API, "tombstones");
        sources.updateLanguages(source.id(), List.of("it"));
        long id = articles.store(new NewArticle(source.id(), "tomb-" + System.nanoTime(), null, "Le pont de Nantes ferme",
                "Un résumé.", "<p>Le pont ferme.</p>", "Claire Dubois", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1),
                null, null, List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "it", "apertium", "fr>ca>it", "Il ponte di Nantes chiude",
                "Un riassunto.", "<p>Il ponte chiude.</p>", 80.0, 6, 0, TranslationState.APPROVED, null, List.of()));
        publisher.republish("it");
        var t = translations.find(id, 1, "it").orElseThrow();
        assertThat(translations.apply(t, TranslationAction.REJECT, t.version(), t.title(), t.summary(), t.body(),
                "wrong")).isTrue();
        publisher.republish("it");

        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/feeds/it/atom.xml")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.body()).contains("<at:deleted-entry ref=\"urn:relais:it:article:" + id + "\"");

        // another node: its own documents, nothing in memory, the same database
        FeedDocuments otherNode = new FeedDocuments(log, builder, settings, languages, templates, states,
                new RecentWithdrawals(log, settings));
        for (FeedFormat format : FeedFormat.values()) {
            Document there = otherNode.feed("it", format, 0).orElseThrow();
            HttpResponse<String> here = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/feeds/it/" + format.fileName())).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(there.text()).as(format.toString()).isEqualTo(here.body());
            if (format != FeedFormat.RSS) {   // RSS readers only see the item go
                assertThat(there.text()).as(format.toString()).contains("urn:relais:it:article:" + id + "\"");
            }
            assertThat(here.headers().firstValue("ETag")).as(format.toString()).hasValue(there.etag());
            assertThat(here.headers().firstValue("Last-Modified")).as(format.toString()).hasValue(there.lastModifiedHeader());
        }
    }

    @Test
    void theWindowIsTheWeekBeforeTheFeedsLastChangeNotBeforeTheClockAndIsCapped() {
        String feed = "p" + (800_000_000L + System.nanoTime() % 100_000_000L) + "/es";
        // a feed whose last change was a month ago: a window counted from the clock would hold nothing
        Instant last = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        row(feed, 1, "1:a", false, last.minus(20, ChronoUnit.DAYS));
        row(feed, 1, "withdrawn:1", true, last.minus(10, ChronoUnit.DAYS));   // before the window
        row(feed, 2, "1:b", false, last.minus(20, ChronoUnit.DAYS));
        row(feed, 2, "withdrawn:2", true, last.minus(5, ChronoUnit.DAYS));
        row(feed, 3, "1:c", false, last.minus(20, ChronoUnit.DAYS));
        row(feed, 3, "withdrawn:3", true, last.minus(4, ChronoUnit.DAYS));
        row(feed, 3, "1:c@after:3", false, last.minus(3, ChronoUnit.DAYS));   // published again: no tombstone
        row(feed, 4, "1:d", false, last.minus(2, ChronoUnit.DAYS));           // published all along
        row(feed, 5, "1:e", false, last.minus(20, ChronoUnit.DAYS));
        row(feed, 5, "withdrawn:5", true, last);                             // the feed's last change

        RecentWithdrawals week = new RecentWithdrawals(log, settings);
        assertThat(week.of(feed, log.mark(feed))).containsExactly(new FeedView.Withdrawal(ARTICLES + 5, last),
                new FeedView.Withdrawal(ARTICLES + 2, last.minus(5, ChronoUnit.DAYS)));
        PublishSettings one = new PublishSettings("http://localhost:8080", settings.feedsDir(), 1, Duration.ofMinutes(5),
                true, PublicationPolicy.MACHINE, List.of(), List.of());
        assertThat(new RecentWithdrawals(log, one).of(feed, log.mark(feed))).as("at most as many as the document's entries")
                .containsExactly(new FeedView.Withdrawal(ARTICLES + 5, last));
        assertThat(week.of("p1/none", log.mark("p1/none"))).isEmpty();
    }

    /** Articles of the log rows written here (no such articles exist: the log is all that is read). */
    private static final long ARTICLES = 700_000_000L;

    private void row(String feed, long article, String key, boolean withdrawn, Instant at) {
        jdbc.sql("insert into feed_entry (feed, lang, article_id, version_key, withdrawn, snapshot, logged_at) "
                        + "values (?, 'es', ?, ?, ?, null, ?)")
                .params(feed, ARTICLES + article, key, withdrawn, at.atOffset(ZoneOffset.UTC)).update();
    }
}
