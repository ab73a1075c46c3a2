package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.ScriptedServer.Answer;
import io.relais.article.Articles;

/**
 * The service is stopped while it is ingesting a large feed, then started again on the same database: the first
 * poll after the start fetches the whole feed again and every item ends up stored exactly once.
 */
class RestartMidPollTest {

    static final int ITEMS = 1500;

    @Test
    void aPollCutByAStopIsCompletedAfterTheRestartWithoutDuplicates() throws Exception {
        Path work = Path.of("target/restart-test");
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Gros flux</title><link>https://exemple.fr/</link><description>x</description>");
        for (int i = 0; i < ITEMS; i++) {
            feed.append("<item><title>Le conseil municipal de la commune numéro ").append(i)
                    .append(" vote son budget</title><guid>gros-").append(i)
                    .append("</guid><description>Le conseil municipal a voté mardi soir le budget de la commune pour ")
                    .append("l'année prochaine, avec une hausse des dépenses pour les écoles.</description></item>");
        }
        feed.append("</channel></rss>");

        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("ETag", "\"big\""), feed.toString(), 0))
                    .then(new Answer(200, Map.of("ETag", "\"big\""), feed.toString(), 0));
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", "jdbc:h2:file:./" + work + "/db;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            properties.put("relais.ingest.sources[0].name", "gros flux");
            properties.put("relais.ingest.sources[0].url", server.uri() + "gros.xml");
            properties.put("relais.ingest.sources[0].poll-interval", "1h");
            properties.put("relais.ingest.inbox-dir", work + "/inbox");
            properties.put("relais.ingest.allow-internal-addresses", "true");   // the feed is served on 127.0.0.1
            properties.put("relais.publish.feeds-dir", work + "/feeds");
            properties.put("relais.batch.run-after-ingest", "false");
            properties.put("relais.batch.schedule", "-");
            properties.put("camel.main.shutdown-timeout", "1");

            long storedAtStop;
            try (ConfigurableApplicationContext first = start(properties)) {
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc) > 50);
                storedAtStop = count(jdbc);
            }
            assertThat(storedAtStop).as("stopped in the middle of the poll").isLessThan(ITEMS);

            try (ConfigurableApplicationContext second = start(properties)) {
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(jdbc) == ITEMS);
                assertThat(server.received).hasSize(2);
                assertThat(server.received.get(1).header("If-None-Match")).isNull();
                assertThat(jdbc.sql("select count(distinct external_id) from article").query(Long.class).single())
                        .isEqualTo(ITEMS);
                assertThat(second.getBean(Articles.class).findAll(ITEMS * 2)).allMatch(a -> a.revision() == 1);
            }
        }
    }

    /** Properties as command-line arguments: they win over application.yml (builder properties are only defaults). */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(RelaisApplication.class).web(WebApplicationType.NONE)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }
}
