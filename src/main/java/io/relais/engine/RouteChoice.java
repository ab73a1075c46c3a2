package io.relais.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.relais.article.Article;

/**
 * Per-segment route choice: where an engine has several candidate routes for a language (Apertium's {@code fr>es>en}
 * and {@code fr>ca>en}), the segment is translated along each of them — at the same time, each route on its own
 * warm pipelines — and the candidate the {@link SegmentScorer} scores best is kept, unless it beats the configured
 * route (the first candidate) by no more than the scoring's margin. One failing candidate does not fail the segment while another succeeds.
 */
public class RouteChoice implements AutoCloseable {

    /** The kept candidate, with the marks it had before they were stripped and its score. */
    public record Chosen(TranslatedText text, UnknownMarks marks, double score) {
    }

    /** A scorer and the margin by which another route must beat the configured one to replace it. */
    public record Scoring(SegmentScorer scorer, double margin) {
    }

    private final Supplier<Scoring> scoring;
    private final ExecutorService pool;

    public RouteChoice(SegmentScorer scorer) {
        this(() -> new Scoring(scorer, 0), Runtime.getRuntime().availableProcessors());
    }

    /** The fallback: marks per segment, with the margin measured for it. */
    public static Scoring byMarks() {
        return new Scoring(MarksPerWordScorer.INSTANCE, MarksPerWordScorer.MARGIN);
    }

    /**
     * @param scoring where the scorer comes from (looked up at first use: the quality module's calibrated scorer
     *                when there is one)
     * @param threads how many candidates are translated at once (1: one after the other, in the caller's thread)
     */
    public RouteChoice(Supplier<Scoring> scoring, int threads) {
        this.scoring = scoring;
        AtomicInteger n = new AtomicInteger();
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "route-choice-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Chosen translate(MachineTranslator engine, String segment, TextFormat format, String target) {
        List<String> routes = engine.candidateRoutes(Article.SOURCE_LANGUAGE, target);
        if (routes.size() <= 1) {
            TranslatedText t = engine.translate(segment, format, Article.SOURCE_LANGUAGE, target);
            return new Chosen(t, marks(t), Double.NaN);
        }
        List<TranslatedText> candidates = translateAll(engine, segment, format, target, routes);
        Scoring s = scoring.get();
        Chosen configured = null;
        Chosen best = null;
        for (TranslatedText t : candidates) {
            UnknownMarks marks = marks(t);
            double score = s.scorer().score(new TranslatedSegment(segment, t.text(), t.engine(), t.route(), marks, false),
                    target);
            Chosen c = new Chosen(t, marks, score);
            if (configured == null && t.route().equals(routes.get(0))) {
                configured = c;
            }
            if (best == null || score > best.score()) {
                best = c;
            }
        }
        // the configured route is the best measured on average: it is replaced only on enough evidence
        return configured != null && best.score() - configured.score() <= s.margin() ? configured : best;
    }

    private List<TranslatedText> translateAll(MachineTranslator engine, String segment, TextFormat format,
                                              String target, List<String> routes) {
        List<TranslatedText> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (pool == null) {
            for (String route : routes) {
                try {
                    done.add(engine.translate(segment, format, Article.SOURCE_LANGUAGE, target, route));
                } catch (TranslationException e) {
                    failures.add(route + ": " + e.getMessage());
                }
            }
        } else {
            List<Future<TranslatedText>> futures = new ArrayList<>();
            for (String route : routes) {
                futures.add(pool.submit(() -> engine.translate(segment, format, Article.SOURCE_LANGUAGE, target, route)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    done.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TranslationException)) {
                        throw new TranslationException(routes.get(i) + ": " + e.getCause());
                    }
                    failures.add(routes.get(i) + ": " + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TranslationException("interrupted while translating along " + routes);
                }
            }
        }
        if (done.isEmpty()) {
            throw new TranslationException(String.join("; ", failures));
        }
        return done;
    }

    static UnknownMarks marks(TranslatedText t) {
        if (t.parts().isEmpty()) {
            return new UnknownMarks(t.unknownWords(), 0, 0);
        }
        return t.parts().stream().map(TranslatedSegment::marks).reduce(UnknownMarks.NONE, UnknownMarks::plus);
    }

    /**
     * The route recorded for a whole translation: the route that won the most source words among its segments
     * (ties: the earlier candidate); the route of each segment is in {@link TranslatedText#parts()}.
     */
    static String summary(List<TranslatedSegment> parts, List<String> candidates) {
        Map<String, Integer> words = new LinkedHashMap<>();
        candidates.forEach(c -> words.put(c, 0));
        for (TranslatedSegment part : parts) {
            if (part.route() != null) {
                words.merge(part.route(), Math.max(1, Words.count(part.source())), Integer::sum);
            }
        }
        return words.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey).orElse(null);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
