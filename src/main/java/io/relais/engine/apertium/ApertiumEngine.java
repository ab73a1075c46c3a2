package io.relais.engine.apertium;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.relais.engine.BackTranslator;
import io.relais.engine.HtmlBlocks;
import io.relais.engine.MachineTranslator;
import io.relais.engine.finishing.NumberLocalizer;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;
import io.relais.engine.TranslatedText;
import io.relais.engine.UnknownMarks;
import io.relais.engine.TranslationException;
import io.relais.engine.BackgroundWork;
import io.relais.engine.Words;

/**
 * Apertium as a {@link MachineTranslator}: one warm pipeline per mode (and one more for background work, at a lower
 * OS priority: {@link BackgroundWork}), routes with pivots
 * ({@code fr>es>en} runs fr-es then spa-eng), HTML translated one block (paragraph, heading, list item...)
 * per request with its inline markup kept as superblanks.
 */
public class ApertiumEngine implements MachineTranslator, BackTranslator, AutoCloseable {

    public static final String NAME = "apertium";

    /** Key suffix of a mode's pipeline for background work. */
    private static final String BACKGROUND = " (background)";
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final List<String> TRANSLATED_ATTRIBUTES = List.of("alt", "title");

    private final ApertiumModes modes;
    private final Map<String, List<String>> routes;
    private final Map<String, List<List<String>>> candidates = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final SharedAnswers answers;
    private final Map<String, ApertiumPipeline> pipelines = new ConcurrentHashMap<>();
    /** Made with the engine, at its maker's priority: every program is started from it ({@link ProgramStarter}). */
    private final ProgramStarter starter = new ProgramStarter();
    /**
     * How long a background pipeline may go unused before its programs are stopped: a set of pipelines holds about a
     * gigabyte (Apertium's programs load their dictionaries), needed only while a backlog runs.
     */
    static final Duration BACKGROUND_IDLE = Duration.ofMinutes(2);
    private final ScheduledExecutorService idleCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apertium-idle");
        t.setDaemon(true);
        return t;
    });
    private Function<String, Map<String, String>> glossary = target -> Map.of();
    private boolean namesAsWords = true;
    private volatile NameAnalyser names;
    private boolean raw;

    /**
     * @param modesDir where Apertium's {@code *.mode} files are ({@code /usr/share/apertium/modes})
     * @param routes   target language to route, e.g. {@code en -> "fr>es>en"}
     * @param timeout  longest wait for one request before the pipeline is considered hung
     */
    public ApertiumEngine(Path modesDir, Map<String, String> routes, Duration timeout) {
        this.modes = new ApertiumModes(modesDir);
        this.timeout = timeout;
        this.answers = new SharedAnswers(timeout);
        Map<String, List<String>> parsed = new ConcurrentHashMap<>();
        routes.forEach((target, route) -> parsed.put(target, parseRoute(route)));
        this.routes = parsed;
        idleCheck.scheduleWithFixedDelay(() -> stopIdleBackground(BACKGROUND_IDLE), 30, 30, TimeUnit.SECONDS);
    }

    /**
     * Where protected terms come from: target language to (French term -> how to write it). Each term is written
     * the target's way before the first hop and kept verbatim through every hop of the route.
     */
    public void useGlossary(Function<String, Map<String, String>> glossary) {
        this.glossary = glossary;
    }

    /**
     * Other routes worth trying per target language, e.g. fr>ca>en for en (the configured route is always
     * the first candidate); routes whose modes are not installed are left out.
     */
    public void useCandidates(Map<String, List<String>> candidateRoutes) {
        candidateRoutes.forEach((target, list) -> {
            List<List<String>> parsed = new ArrayList<>();
            List<String> main = routes.get(target);
            if (main != null) {
                parsed.add(main);
            }
            for (String route : list) {
                List<String> hops = parseRoute(route);
                if (!parsed.contains(hops) && missingModes(hops).isEmpty()
                        && hops.get(hops.size() - 1).equals(target)) {
                    parsed.add(hops);
                }
            }
            candidates.put(target, List.copyOf(parsed));
        });
    }

    @Override
    public List<String> candidateRoutes(String source, String target) {
        List<List<String>> list = candidates.get(target);
        if (list == null) {
            String route = route(source, target);
            return route == null ? List.of() : List.of(route);
        }
        return list.stream().filter(h -> h.get(0).equals(source)).map(h -> String.join(">", h)).toList();
    }

    @Override
    public TranslatedText translate(String text, TextFormat format, String source, String target, String route) {
        List<String> hops = parseRoute(route);
        if (!hops.get(0).equals(source) || !hops.get(hops.size() - 1).equals(target)) {
            throw new TranslationException("route " + route + " does not go from " + source + " to " + target);
        }
        List<String> missing = missingModes(hops);
        if (!missing.isEmpty()) {
            throw new TranslationException("Apertium modes not installed for " + missing);
        }
        return translateRoute(text, format, hops);
    }

    /**
     * Whether names (protected terms, runs of capitalised words) stand in the text as placeholder words (the
     * default) or are kept as formatting, as before (for {@code ./relais eval} to measure the step).
     */
    public void keepNamesAsWords(boolean namesAsWords) {
        this.namesAsWords = namesAsWords;
    }

    /** Whether the text goes to Apertium as it is: no numbers rewritten, no names kept (the raw tool, for eval). */
    public void raw(boolean raw) {
        this.raw = raw;
    }

    static List<String> parseRoute(String route) {
        List<String> hops = Arrays.stream(route.split(">")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (hops.size() < 2) {
            throw new IllegalArgumentException("a route names at least two languages, like fr>es: " + route);
        }
        return hops;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(String source, String target) {
        List<String> hops = routes.get(target);
        return hops != null && hops.get(0).equals(source) && missingModes(hops).isEmpty();
    }

    @Override
    public String route(String source, String target) {
        List<String> hops = routes.get(target);
        return hops == null ? null : String.join(">", hops);
    }

    /** The hops of a route that no installed mode serves, e.g. {@code [fr>en]}. */
    public List<String> missingModes(List<String> hops) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i + 1 < hops.size(); i++) {
            if (modes.find(hops.get(i), hops.get(i + 1)).isEmpty()) {
                missing.add(hops.get(i) + ">" + hops.get(i + 1));
            }
        }
        return missing;
    }

    @Override
    public TranslatedText translate(String text, TextFormat format, String source, String target) {
        List<String> hops = routes.get(target);
        if (hops == null || !hops.get(0).equals(source)) {
            throw new TranslationException("Apertium has no route configured for " + source + ">" + target);
        }
        List<String> missing = missingModes(hops);
        if (!missing.isEmpty()) {
            throw new TranslationException("Apertium modes not installed for " + missing);
        }
        return translateRoute(text, format, hops);
    }

    /** Translates along explicit hops, e.g. {@code [fr, es, en]} (used by the benchmark to compare routes). */
    public TranslatedText translateRoute(String text, TextFormat format, List<String> hops) {
        int words = countWords(format == TextFormat.HTML ? Jsoup.parseBodyFragment(text).text() : text);
        String target = hops.get(hops.size() - 1);
        String route = String.join(">", hops);
        if (raw) {
            Hops done = translateHops(text, format, hops, ApertiumStreamFormat.protecting(List.of()));
            return result(text, done, words, route);
        }
        Map<String, String> terms = glossary.apply(target);
        if (namesAsWords) {
            // names stand in as placeholder words, so that the sentence keeps its subject (see NamePlaceholders)
            NamePlaceholders names = new NamePlaceholders(terms, nameAnalyser());
            String prepared = prepare(text, format, target, names::substitute);
            Hops done = translateHops(prepared, format, hops, ApertiumStreamFormat.protecting(List.of()));
            if (names.allPresentIn(done.text)) {
                return result(text, new Hops(names.restore(done.text, format == TextFormat.HTML), done.marks), words, route);
            }
            // an engine rule dropped or merged a placeholder: keep the names as formatting instead
        }
        // Apertium copies numbers as they are: write them the target's way first (1.823 -> 1,823 in English);
        // protected terms are written the target's way too, then kept verbatim at every hop
        Pattern termPattern = terms.isEmpty() ? null : ApertiumStreamFormat.wholeWords(terms.keySet());
        String prepared = prepare(text, format, target, s -> termPattern == null ? s : termPattern.matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(terms.get(m.group()))));
        Pattern protect = ApertiumStreamFormat.protecting(List.copyOf(new LinkedHashSet<>(terms.values())));
        return result(text, translateHops(prepared, format, hops, protect), words, route);
    }

    private record Hops(String text, UnknownMarks marks) {
    }

    @Override
    public boolean canTranslateBack(List<String> hops) {
        return hops.size() >= 2 && missingModes(hops).isEmpty();
    }

    /** Along the same warm pipelines as the forward routes (a reverse mode gets its own pipeline on first use). */
    @Override
    public Back translateBack(String text, List<String> hops) {
        if (!canTranslateBack(hops)) {
            throw new TranslationException("Apertium modes not installed for " + missingModes(hops));
        }
        Hops done = translateHops(text, TextFormat.PLAIN, hops, ApertiumStreamFormat.protecting(List.of()));
        return new Back(done.text, done.marks.total());
    }

    private Hops translateHops(String text, TextFormat format, List<String> hops, Pattern protect) {
        String current = text;
        UnknownMarks marks = UnknownMarks.NONE;
        for (int i = 0; i + 1 < hops.size(); i++) {
            String mode = modes.find(hops.get(i), hops.get(i + 1))
                    .orElseThrow(() -> new TranslationException("no Apertium mode for " + hops));
            Hop hop = format == TextFormat.HTML ? translateHtml(current, mode, protect) : translatePlain(current, mode, protect);
            current = hop.text;
            // a word unknown at the first hop reaches the next one unchanged and is marked again: take the
            // hop with the most marks rather than the sum, so that pivots do not count it twice
            if (hop.marks.total() > marks.total()) {
                marks = hop.marks;
            }
        }
        return new Hops(current, marks);
    }

    private static TranslatedText result(String source, Hops done, int words, String route) {
        int unknown = Math.min(done.marks.total(), words);
        return new TranslatedText(done.text, NAME, route, words, unknown, 1, 0,
                List.of(new TranslatedSegment(source, done.text, NAME, route, done.marks, false)));
    }

    /**
     * The French text made ready for Apertium, in one pass over its text (never its markup): numbers written the
     * target's way, then names rewritten by {@code names}.
     */
    private static String prepare(String text, TextFormat format, String target, UnaryOperator<String> names) {
        UnaryOperator<String> rewrite = s -> names.apply(NumberLocalizer.localize(s, target));
        if (format == TextFormat.PLAIN) {
            return rewrite.apply(text);
        }
        Document doc = HtmlBlocks.parse(text);
        doc.body().select("*").forEach(element -> element.textNodes()
                .forEach(node -> node.text(rewrite.apply(node.getWholeText()))));
        return doc.body().html();
    }

    private record Hop(String text, UnknownMarks marks) {
    }

    private Hop translatePlain(String text, String mode, Pattern protect) {
        if (!LETTER.matcher(text).find()) {
            return new Hop(text, UnknownMarks.NONE);
        }
        String out = request(mode, ApertiumStreamFormat.fromPlain(text, protect));
        ApertiumStreamFormat.Decoded decoded = ApertiumStreamFormat.toText(out, false);
        return new Hop(decoded.text(), decoded.byKind());
    }

    /** Each top-level block is one request; runs of inline nodes between blocks are one request together. */
    private Hop translateHtml(String html, String mode, Pattern protect) {
        Document doc = HtmlBlocks.parse(html);
        UnknownMarks marks = translateAttributes(doc, mode, protect);
        StringBuilder out = new StringBuilder(html.length() + 64);
        for (String block : HtmlBlocks.split(doc)) {
            marks = marks.plus(translateFragment(block, mode, out, protect));
        }
        return new Hop(out.toString(), marks);
    }

    /** Image descriptions and link titles are text a reader sees: {@code alt} and {@code title} are translated too. */
    private UnknownMarks translateAttributes(Document doc, String mode, Pattern protect) {
        UnknownMarks marks = UnknownMarks.NONE;
        for (Element element : doc.body().select("[alt], [title]")) {
            for (String attribute : TRANSLATED_ATTRIBUTES) {
                String value = element.attr(attribute);
                if (LETTER.matcher(value).find()) {
                    Hop hop = translatePlain(value, mode, protect);
                    element.attr(attribute, hop.text);
                    marks = marks.plus(hop.marks);
                }
            }
        }
        return marks;
    }

    private UnknownMarks translateFragment(String fragmentHtml, String mode, StringBuilder out, Pattern protect) {
        if (!LETTER.matcher(Jsoup.parseBodyFragment(fragmentHtml).text()).find()) {
            out.append(fragmentHtml);   // markup only (an image, a rule): nothing to translate
            return UnknownMarks.NONE;
        }
        String translated = request(mode, ApertiumStreamFormat.fromHtml(fragmentHtml, protect));
        ApertiumStreamFormat.Decoded decoded = ApertiumStreamFormat.toText(translated, true);
        out.append(decoded.text());
        return decoded.byKind();
    }

    static int countWords(String text) {
        return Words.count(text);
    }

    private NameAnalyser nameAnalyser() {
        NameAnalyser analyser = names;
        if (analyser == null) {
            synchronized (this) {
                if (names == null) {
                    names = NameAnalyser.french(timeout, starter);
                }
                analyser = names;
            }
        }
        return analyser;
    }

    /** Apertium's answer to one request in a mode, shared with the same request of another language. */
    private String request(String mode, String streamText) {
        String lane = BackgroundWork.current() ? BACKGROUND : "";
        return answers.answer(lane, mode, streamText, () -> pipeline(mode).translate(streamText));
    }

    /** Requests answered with another request's answer rather than by a pipeline, since start. */
    long sharedAnswers() {
        return answers.shared();
    }

    /**
     * The mode's warm pipeline for the calling thread's work: background work ({@link BackgroundWork}, a backlog) has
     * pipelines of its own, started at a lower OS priority, so that foreground requests never wait behind it.
     */
    private ApertiumPipeline pipeline(String mode) {
        if (BackgroundWork.current()) {
            return pipelines.computeIfAbsent(mode + BACKGROUND, m -> new ApertiumPipeline(mode, modes.pipeline(mode),
                    timeout, starter, true));
        }
        return pipelines.computeIfAbsent(mode, m -> new ApertiumPipeline(m, modes.pipeline(m), timeout, starter));
    }

    /** The warm pipeline of a mode, if it was started (for health checks and tests). */
    Optional<ApertiumPipeline> runningPipeline(String mode) {
        return Optional.ofNullable(pipelines.get(mode));
    }

    /** Stops the programs of the background pipelines unused for {@code idle} (they start again when needed). */
    void stopIdleBackground(Duration idle) {
        pipelines.forEach((key, pipeline) -> {
            if (key.endsWith(BACKGROUND)) {
                pipeline.stopIfIdle(idle);
            }
        });
    }

    /** The mode's pipeline for background work, if it was started (for tests). */
    Optional<ApertiumPipeline> runningBackgroundPipeline(String mode) {
        return Optional.ofNullable(pipelines.get(mode + BACKGROUND));
    }

    @Override
    public void close() {
        pipelines.values().forEach(ApertiumPipeline::close);
        if (names != null) {
            names.close();
        }
        pipelines.clear();
        starter.close();
        idleCheck.shutdownNow();
    }
}
