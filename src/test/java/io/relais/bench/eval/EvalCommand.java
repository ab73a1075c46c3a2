package io.relais.bench.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.relais.translate.GlossarySeed;
import io.relais.translate.TextFormat;
import io.relais.translate.TranslatedText;
import io.relais.translate.apertium.ApertiumEngine;

/**
 * {@code ./relais eval}: translates a line-aligned test set through routes and prints chrF, BLEU, words/second
 * and the share of unknown words.
 * <pre>
 * ./relais eval                                   every default route on FLORES-200 devtest
 * ./relais eval --route fr>ca>en [--limit 200]    one route
 * ./relais eval --route fr>es --source a.fr --reference a.es
 * ./relais eval --no-glossary true                without the seed glossary
 * </pre>
 * Numbers are written the target's way and the seed glossary ({@code glossary/seed.tsv}) is applied, as in the
 * service; {@code bench/translate} compares with the raw {@code apertium} command.
 */
public final class EvalCommand {

    static final Map<String, String> FLORES = Map.of("fr", "fra", "es", "spa", "ca", "cat", "en", "eng", "it", "ita",
            "pt", "por", "de", "deu", "gl", "glg", "oc", "oci", "eo", "epo");

    public record Result(String route, int sentences, int words, double chrF, double bleu, double wordsPerSecond,
                         double unknownShare) {
    }

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> options = options(args);
        Path flores = Path.of(options.getOrDefault("flores", "../shared/eval/flores200"));
        int limit = Integer.parseInt(options.getOrDefault("limit", String.valueOf(Integer.MAX_VALUE)));
        List<String> routes = options.containsKey("route") ? List.of(options.get("route"))
                : new ArrayList<>(defaultRoutes().values());

        System.out.printf(Locale.ROOT, "%-10s %9s %7s %6s %6s %9s %8s%n", "route", "sentences", "words", "chrF", "BLEU",
                "words/s", "unknown");
        try (ApertiumEngine engine = new ApertiumEngine(Path.of(options.getOrDefault("modes", "/usr/share/apertium/modes")),
                Map.of(), Duration.ofSeconds(60))) {
            if (!options.containsKey("no-glossary")) {
                engine.useGlossary(GlossarySeed::termsFor);
            }
            for (String route : routes) {
                List<String> hops = List.of(route.split(">"));
                Path source = Path.of(options.getOrDefault("source", flores.resolve("devtest." + code(hops.get(0))).toString()));
                Path reference = Path.of(options.getOrDefault("reference",
                        flores.resolve("devtest." + code(hops.get(hops.size() - 1))).toString()));
                for (Path needed : List.of(source, reference)) {
                    if (!Files.isRegularFile(needed)) {
                        System.err.printf(Locale.ROOT, """
                                relais eval: no test set at %s
                                  Put FLORES-200 devtest files (one sentence per line, devtest.fra_Latn, devtest.spa_Latn, ...)
                                  in %s (the default: ../shared/eval/flores200 beside the checkout), or choose them with
                                  --flores DIR, or give a line-aligned pair with --source FILE --reference FILE.%n""",
                                needed.toAbsolutePath().normalize(), flores.toAbsolutePath().normalize());
                        System.exit(2);
                    }
                }
                Result r = evaluate(engine, hops, read(source, limit), read(reference, limit));
                System.out.printf(Locale.ROOT, "%-10s %9d %7d %6.1f %6.1f %9.0f %7.1f%%%n", r.route(), r.sentences(),
                        r.words(), r.chrF(), r.bleu(), r.wordsPerSecond(), 100 * r.unknownShare());
            }
        }
    }

    /** Translates each source line along the hops (one request per line) and scores the result. */
    public static Result evaluate(ApertiumEngine engine, List<String> hops, List<String> source, List<String> reference) {
        if (source.size() != reference.size()) {
            throw new IllegalArgumentException("the source has " + source.size() + " lines, the reference " + reference.size());
        }
        engine.translateRoute("Bonjour.", TextFormat.PLAIN, hops);   // start the pipelines outside the timing
        List<String> hypotheses = new ArrayList<>(source.size());
        int words = 0;
        int unknown = 0;
        long start = System.nanoTime();
        for (String line : source) {
            TranslatedText t = engine.translateRoute(line, TextFormat.PLAIN, hops);
            hypotheses.add(t.text());
            words += t.wordCount();
            unknown += t.unknownWords();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(String.join(">", hops), source.size(), words, ChrF.corpus(hypotheses, reference),
                Bleu.corpus(hypotheses, reference), words / seconds, words == 0 ? 0 : (double) unknown / words);
    }

    /** The routes in application.yml ({@code relais.translate.routes}), the one place they are configured. */
    @SuppressWarnings("unchecked")
    static Map<String, String> defaultRoutes() throws IOException {
        try (InputStream in = EvalCommand.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> relais = (Map<String, Object>) yaml.get("relais");
            Map<String, Object> translate = (Map<String, Object>) relais.get("translate");
            return new LinkedHashMap<>((Map<String, String>) translate.get("routes"));
        }
    }

    private static String code(String lang) {
        return FLORES.getOrDefault(lang, lang);
    }

    static List<String> read(Path file, int limit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(0, Math.min(limit, lines.size()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: eval [--route fr>es] [--limit N] [--source F --reference F]"
                        + " [--flores DIR] [--modes DIR]; got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
