package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.internal.EntryLog;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A node learns of the feed changes other nodes made even when their announcement never reached it. */
class MissedAnnouncementTest extends StoredArticlesTest {

    @Autowired
    FeedPublisher publisher;
    @Autowired
    EntryLog log;

    /**
     * Another node withdraws an entry (its log row committed) and dies before it announces the change: this node
     * kept serving the entry from memory until the language's next change reached it.
     */
    @Test
    void anEntryWithdrawnElsewhereWhoseAnnouncementWasLostLeavesThisNodesFeeds() {
        Source source = source("test:missed-announcement", "en");
        long id = articles.store(new NewArticle(source.id(), "missed-" + System.nanoTime(), null,
                "Le funiculaire de Montmartre s'arrête", "Un résumé.", "<p>Le funiculaire s'arrête.</p>", "Paul Petit",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, null, List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "en", "apertium", "fr>es>en", "The Montmartre funicular stops",
                "A summary.", "<p>The funicular stops.</p>", 80.0, 6, 0, TranslationState.AUTO_APPROVED, null,
                List.of()));
        JsonNode partner = JsonMapper.builder().build().readTree(post("/api/partners", "{\"name\": \"Missed\", "
                + "\"languages\": [\"en\"], \"policy\": \"machine\", \"filters\": {\"sources\": [" + source.id() + "]}}")
                .body());
        String feed = "http://localhost:" + port + "/feeds/p/" + partner.get("token").asString() + "/en/atom.xml";
        assertThat(anonymousGet(feed).body()).contains("The Montmartre funicular stops");

        // the other node's withdrawal: in the shared log, never announced
        assertThat(log.sync("p" + partner.get("id").asLong() + "/en", "en", List.of())).isEqualTo(1);
        publisher.catchUp();
        assertThat(anonymousGet(feed).body()).doesNotContain("The Montmartre funicular stops");
    }
}
