package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;

import io.relais.article.ArticleTraces;

/**
 * One trace per article from the door to the feeds: the push request, the article's ingestion, its translation into
 * each language (in a batch run, on another thread) and its entry in each language's feed are spans of one trace.
 */
class ArticleTraceTest extends RelaisIntegrationTest {

    private static final AttributeKey<String> ARTICLE = AttributeKey.stringKey("relais.article");
    private static final AttributeKey<String> LANG = AttributeKey.stringKey("relais.lang");

    @Autowired
    CollectedSpans spans;

    @Autowired
    ArticleTraces traces;

    @Test
    void anArticlePushedThroughTheApiIsOneTraceFromTheDoorToEveryLanguagesFeed() {
        HttpResponse<String> created = post("/api/articles", """
                {"title": "La médiathèque de Nîmes ouvre le dimanche",
                 "body": "<p>La médiathèque Carré d'Art ouvrira désormais ses portes le dimanche après-midi, a annoncé la mairie jeudi.</p>",
                 "url": "https://example.org/mediatheque-dimanche-%d"}""".formatted(System.nanoTime()));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        String traceparent = traces.traceparent(Long.parseLong(id)).orElseThrow();
        String traceId = traceparent.split("-")[1];

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                languages(traceId, "relais.article.translate").size() == 5
                        && !languages(traceId, "relais.article.publish").isEmpty());
        List<SpanData> trace = spans.all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        SpanData door = trace.stream().filter(s -> s.getName().equals("relais.article.ingest")).findFirst().orElseThrow();
        assertThat(door.getAttributes().get(ARTICLE)).isEqualTo(id);
        // the door is a child of the request that brought the article
        assertThat(trace).anySatisfy(s -> assertThat(s.getSpanId()).isEqualTo(door.getParentSpanId()));
        assertThat(languages(traceId, "relais.article.translate")).containsExactlyInAnyOrder("es", "ca", "en", "it", "pt");
        assertThat(trace).filteredOn(s -> s.getName().startsWith("relais.article."))
                .allSatisfy(s -> assertThat(s.getAttributes().get(ARTICLE)).isEqualTo(id));
    }

    private Set<String> languages(String traceId, String name) {
        return spans.all().stream().filter(s -> s.getTraceId().equals(traceId) && s.getName().equals(name))
                .map(s -> s.getAttributes().get(LANG)).collect(Collectors.toSet());
    }
}
