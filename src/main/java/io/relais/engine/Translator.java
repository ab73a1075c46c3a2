package io.relais.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relais.article.Article;
import io.relais.engine.finishing.Correction;
import io.relais.engine.finishing.TargetFinishing;
import io.relais.engine.internal.SentenceSegments;
import io.relais.terminology.TranslationMemory;

/**
 * Chooses the engine for each target language and translates French text with it, segment by segment (a plain
 * text is one segment, an HTML body one per paragraph-level block), taking each segment from the translation
 * memory when it is there and remembering what the engine returns. Where the engine has several candidate routes
 * for a language, each segment is translated along all of them and the best-scored kept ({@link RouteChoice});
 * then the target-language finishing is applied ({@link TargetFinishing}). Every segment is recorded in
 * {@link TranslatedText#parts()} with the route that won.
 */
public class Translator {

    private static final Logger log = LoggerFactory.getLogger(Translator.class);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final List<MachineTranslator> engines;
    private final Map<String, List<String>> chains;
    private final TranslationMemory memory;
    private final boolean useMemory;
    private boolean bySentence;
    private RouteChoice routeChoice = new RouteChoice(MarksPerWordScorer.INSTANCE);
    private TargetFinishing finishing = TargetFinishing.none();
    private TranslateStepTimes times = TranslateStepTimes.NONE;

    public Translator(List<MachineTranslator> engines, TranslationMemory memory, boolean useMemory,
                      List<String> languages) {
        this(engines, Map.of(), memory, useMemory, languages);
    }

    /**
     * @param chains per target language, the names of the engines to try in order (the next one when one fails);
     *               a language without a chain uses the first engine that serves it
     */
    public Translator(List<MachineTranslator> engines, Map<String, List<String>> chains, TranslationMemory memory,
                      boolean useMemory, List<String> languages) {
        this.engines = engines;
        this.chains = chains;
        this.memory = memory;
        this.useMemory = useMemory;
        for (String lang : languages) {
            List<MachineTranslator> chain = chain(lang);
            if (chain.isEmpty()) {
                log.error("No configured translation engine serves {}>{}: its translations will be FAILED "
                        + "(configure relais.translate.chain.{} or an engine serving it)", Article.SOURCE_LANGUAGE, lang, lang);
            } else {
                log.info("{}>{}: {}", Article.SOURCE_LANGUAGE, lang, chain.stream()
                        .map(e -> e.name() + " " + e.route(Article.SOURCE_LANGUAGE, lang)).toList());
            }
        }
    }

    /** How candidate routes are chosen between, segment by segment. */
    public void chooseRoutesWith(RouteChoice routeChoice) {
        this.routeChoice = routeChoice;
    }

    /** The target-language finishing applied to what the engine returns (none by default). */
    public void finishWith(TargetFinishing finishing) {
        this.finishing = finishing;
    }

    /** Where the finishing's time is counted (nowhere by default). */
    public void timeStepsWith(TranslateStepTimes times) {
        this.times = times;
    }

    /** Segments bodies by sentence (within each paragraph, where no inline element spans the boundary). */
    public void segmentBySentence(boolean bySentence) {
        this.bySentence = bySentence;
    }

    /**
     * Translates with the first engine of the language's chain, falling back to the next one when an engine fails
     * (down, circuit open, malformed answer); fails only when every engine of the chain did.
     */
    public TranslatedText translate(String text, TextFormat format, String target) {
        return translate(text, format, target, null);
    }

    /**
     * Like {@link #translate(String, TextFormat, String)}, with the text's segments translated at once on
     * {@code segments} while the caller waits (null: one after the other, on the caller's thread): one article's
     * paragraphs spread over the cores, for the express lane. The result is the same, in the same order.
     */
    public TranslatedText translate(String text, TextFormat format, String target, Executor segments) {
        List<MachineTranslator> chain = chain(target);
        if (chain.isEmpty()) {
            throw new TranslationException("no configured engine translates " + Article.SOURCE_LANGUAGE + ">" + target);
        }
        List<String> failures = new ArrayList<>();
        for (MachineTranslator engine : chain) {
            long started = System.nanoTime();
            try {
                TranslatedText translated = translateWith(engine, text, format, target, segments);
                engineTimer(engine, target, "ok").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return translated;
            } catch (TranslationException e) {
                engineTimer(engine, target, "failed").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                failures.add(engine.name() + ": " + e.getMessage());
                log.warn("{} failed for {}>{}{}: {}", engine.name(), Article.SOURCE_LANGUAGE, target,
                        chain.indexOf(engine) + 1 < chain.size() ? ", trying the next engine" : "", e.getMessage());
            }
        }
        throw new TranslationException(String.join("; ", failures));
    }

    /**
     * The metric {@code relais.engine.requests}: time and count of each engine's translations, by engine, target
     * language and outcome ({@code ok}, {@code failed}: the next engine of the chain was tried); on Micrometer's global
     * registry, which Spring Boot's registry joins.
     */
    private static Timer engineTimer(MachineTranslator engine, String target, String outcome) {
        return Timer.builder("relais.engine.requests").description("Translations by engine, language and outcome")
                .tag("engine", engine.name()).tag("lang", target).tag("outcome", outcome).register(Metrics.globalRegistry);
    }

    /** The engines that can translate into {@code target}, whatever the chain says (for an editor's re-translation). */
    public List<MachineTranslator> enginesFor(String target) {
        return engines.stream().filter(e -> e.supports(Article.SOURCE_LANGUAGE, target)).toList();
    }

    /** Translates with one named engine (no fallback): an editor asking for another engine's version. */
    public TranslatedText translateWith(String engineName, String text, TextFormat format, String target) {
        MachineTranslator engine = enginesFor(target).stream().filter(e -> e.name().equals(engineName)).findFirst()
                .orElseThrow(() -> new TranslationException("no engine " + engineName + " serves " + Article.SOURCE_LANGUAGE
                        + ">" + target));
        return translateWith(engine, text, format, target, null);
    }

    private TranslatedText translateWith(MachineTranslator engine, String text, TextFormat format, String target,
                                         Executor parallel) {
        List<String> blocks = format == TextFormat.HTML ? HtmlBlocks.split(text) : List.of(text);
        List<SentenceSegments.Split> splits = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String block : blocks) {
            SentenceSegments.Split split = bySentence && format == TextFormat.HTML ? SentenceSegments.split(block)
                    : new SentenceSegments.Split("", List.of(block), List.of(""), "");
            splits.add(split);
            all.addAll(split.sentences());
        }
        List<Done> translated = segments(all, format, target, engine, parallel);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int words = 0;
        int unknown = 0;
        int hits = 0;
        int next = 0;
        List<TranslatedSegment> parts = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        for (SentenceSegments.Split split : splits) {
            out.append(split.prefix());
            for (int i = 0; i < split.sentences().size(); i++) {
                Done done = translated.get(next++);
                out.append(done.text.text()).append(split.gaps().get(i));
                words += done.text.wordCount();
                unknown += done.text.unknownWords();
                hits += done.text.memoryHits();
                parts.add(done.segment);
                corrections.addAll(done.text.corrections());
            }
            out.append(split.suffix());
        }
        return new TranslatedText(out.toString(), engine.name(), RouteChoice.summary(parts,
                engine.candidateRoutes(Article.SOURCE_LANGUAGE, target)), words, unknown, parts.size(), hits, parts, corrections);
    }

    /** Every segment translated, in order: one after the other, or all at once on {@code parallel}. */
    private List<Done> segments(List<String> all, TextFormat format, String target, MachineTranslator engine,
                                Executor parallel) {
        if (parallel == null || all.size() < 2) {
            return all.stream().map(s -> segment(s, format, target, engine)).toList();
        }
        List<CompletableFuture<Done>> pending = all.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> segment(s, format, target, engine), parallel)).toList();
        List<Done> done = new ArrayList<>(all.size());
        try {
            for (CompletableFuture<Done> f : pending) {
                done.add(f.join());
            }
        } catch (CompletionException e) {
            pending.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;   // the engine's TranslationException, as on the caller's thread
            }
            throw new TranslationException("translation failed: " + e.getCause());
        }
        return done;
    }

    /** One segment's translation, and the segment as it is recorded in {@link TranslatedText#parts()}. */
    private record Done(TranslatedText text, TranslatedSegment segment) {
    }

    private Done segment(String segment, TextFormat format, String target, MachineTranslator engine) {
        if (!LETTER.matcher(segment).find()) {
            TranslatedText t = engine.translate(segment, format, Article.SOURCE_LANGUAGE, target);
            return new Done(t, new TranslatedSegment(segment, t.text(), t.engine(), t.route(), UnknownMarks.NONE, false));
        }
        if (useMemory) {
            Optional<TranslationMemory.Entry> remembered = memory.lookup(segment, Article.SOURCE_LANGUAGE, target);
            if (remembered.isPresent()) {
                TranslationMemory.Entry entry = remembered.get();
                memory.recordHit(entry.id());
                String plain = format == TextFormat.HTML ? HtmlBlocks.parse(segment).text() : segment;
                TranslatedText t = new TranslatedText(entry.targetText(), entry.engine(), entry.route(),
                        Words.count(plain), entry.unknownWords(), 1, 1);
                return new Done(t, new TranslatedSegment(segment, t.text(), t.engine(), t.route(),
                        new UnknownMarks(entry.unknownWords(), 0, 0), true));
            }
        }
        RouteChoice.Chosen chosen = routeChoice.translate(engine, segment, format, target);
        TranslatedText raw = chosen.text();
        // the French as the quality checks read it (plain text), so that they find LanguageTool's run in its cache
        String french = format == TextFormat.HTML ? HtmlBlocks.parse(segment).text() : segment;
        TargetFinishing.Finished finished = times.time(TranslateStepTimes.Step.FINISHING,
                () -> finishing.finish(raw.text(), format, target, french));
        TranslatedText t = new TranslatedText(finished.text(), raw.engine(), raw.route(), raw.wordCount(),
                raw.unknownWords(), 1, 0, List.of(), finished.corrections());
        if (useMemory) {
            memory.remember(segment, Article.SOURCE_LANGUAGE, target, t.text(), TranslationMemory.Origin.MACHINE,
                    t.engine(), t.route(), t.unknownWords());
        }
        return new Done(t, new TranslatedSegment(segment, t.text(), t.engine(), t.route(), chosen.marks(), false));
    }

    /** The engine tried first for {@code target}, or null when none serves it. */
    public MachineTranslator engineFor(String target) {
        List<MachineTranslator> chain = chain(target);
        return chain.isEmpty() ? null : chain.get(0);
    }

    /** The engines tried in order for {@code target}: its configured chain, or the first engine serving it. */
    public List<MachineTranslator> chain(String target) {
        List<String> names = chains.get(target);
        if (names == null || names.isEmpty()) {
            return engines.stream().filter(e -> e.supports(Article.SOURCE_LANGUAGE, target)).limit(1).toList();
        }
        List<MachineTranslator> chain = new ArrayList<>();
        for (String name : names) {
            engines.stream().filter(e -> e.name().equals(name.strip()) && e.supports(Article.SOURCE_LANGUAGE, target))
                    .findFirst().ifPresent(chain::add);
        }
        return chain;
    }
}
