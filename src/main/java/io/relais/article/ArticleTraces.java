package io.relais.article;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One trace per article, from the door to the feeds (Micrometer Tracing over OpenTelemetry). The door opens the
 * article's trace ({@link #atTheDoor}: a child of the request that brought it, or a new trace for a polled item or an
 * inbox file) and the article keeps its W3C {@code traceparent}; the batch's translation into each language and the
 * publication of each feed entry continue that trace ({@link #continued}), whichever thread or node does them and
 * however much later. Spans are exported only where an exporter is configured
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}); without a tracer this does the work untraced.
 */
@Service
public class ArticleTraces {

    private static final String TRACEPARENT = "traceparent";

    private final JdbcClient jdbc;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    ArticleTraces(JdbcClient jdbc, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.jdbc = jdbc;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Traces nothing: the work is done as it is (for code built outside Spring, such as unit tests). */
    public static ArticleTraces untraced() {
        return new ArticleTraces(null, null, null);
    }

    private Tracer tracer() {
        return tracer == null ? null : tracer.getIfAvailable();
    }

    private Propagator propagator() {
        return propagator == null ? null : propagator.getIfAvailable();
    }

    /** A span for an article arriving at the door; {@link #remember} it once the article has its id. */
    public <T> T atTheDoor(String name, Map<String, String> tags, Supplier<T> work) {
        Tracer t = tracer();
        if (t == null) {
            return work.get();
        }
        Span span = t.nextSpan().name(name);
        tags.forEach(span::tag);
        return inScope(t, span.start(), work);
    }

    /** Keeps the current span's context with the article, for the stages that come later. */
    public void remember(long articleId) {
        Tracer t = tracer();
        Propagator p = propagator();
        Span current = t == null ? null : t.currentSpan();
        if (current == null || p == null) {
            return;
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(current.context(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        if (traceparent != null) {
            current.tag("relais.article", String.valueOf(articleId));
            jdbc.sql("update article set trace_parent = ? where id = ?").params(traceparent, articleId).update();
        }
    }

    /** The article's trace context as it was kept at the door, if it was traced. */
    public Optional<String> traceparent(long articleId) {
        return jdbc.sql("select trace_parent from article where id = ?").param(articleId).query(String.class).optional();
    }

    /** Does {@code work} in a span of the article's trace (a new trace when the article was not traced). */
    public <T> T continued(long articleId, String name, Map<String, String> tags, Supplier<T> work) {
        Tracer t = tracer();
        Propagator p = propagator();
        if (t == null || p == null) {
            return work.get();
        }
        Optional<String> parent = traceparent(articleId);
        Span.Builder builder = parent.isPresent()
                ? p.extract(Map.of(TRACEPARENT, parent.get()), (carrier, key) -> carrier.get(key))
                : t.spanBuilder();
        builder.name(name).tag("relais.article", String.valueOf(articleId));
        tags.forEach(builder::tag);
        return inScope(t, builder.start(), work);
    }

    private static <T> T inScope(Tracer t, Span span, Supplier<T> work) {
        try (Tracer.SpanInScope scope = t.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
