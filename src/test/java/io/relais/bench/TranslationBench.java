package io.relais.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.relais.terminology.GlossarySeed;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.apertium.ApertiumEngine;
import io.relais.bench.eval.Bleu;
import io.relais.quality.internal.ChrF;

/**
 * Translates the FLORES-200 French devtest through each route, sentence by sentence with Relais's warm Apertium
 * engine and as one file with the {@code apertium} command, and prints words/second for both, their ratio, the share
 * of unknown words and chrF of each against the reference. Run with {@code bench/translate [limit]}.
 */
public final class TranslationBench {

    /** Default routes first, then the alternatives worth measuring. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();
    static {
        ROUTES.put("es", "fr>es");
        ROUTES.put("ca", "fr>ca");
        ROUTES.put("en", "fr>es>en");
        ROUTES.put("it", "fr>ca>it");
        ROUTES.put("pt", "fr>ca>pt");
        ROUTES.put("en ", "fr>ca>en");
        ROUTES.put("it ", "fr>es>it");
        ROUTES.put("pt ", "fr>es>pt");
    }

    static final Map<String, String> FLORES = Map.of("es", "spa", "ca", "cat", "en", "eng", "it", "ita", "pt", "por");

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        List<String> french = read(flores.resolve("devtest.fra"), limit);
        int words = french.stream().mapToInt(s -> s.split("\\s+").length).sum();
        System.out.printf(Locale.ROOT, "FLORES-200 devtest: %d French sentences, %d words%n%n", french.size(), words);
        System.out.printf(Locale.ROOT, "%-7s %-9s %11s %11s %11s %11s %7s %7s %8s %6s %8s %6s%n", "target", "route",
                "relais/sent", "relais/para", "apt file", "apt/call", "ratio", "ratio", "unknown", "chrF", "chrF cmd", "BLEU");
        System.out.printf(Locale.ROOT, "%-7s %-9s %11s %11s %11s %11s %7s %7s%n", "", "", "w/s", "w/s", "w/s", "w/s",
                "para/fil", "para/call");

        Map<String, String> routes = new LinkedHashMap<>();
        ROUTES.forEach((key, route) -> routes.put(key.strip(), route));
        try (ApertiumEngine engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), routes, Duration.ofSeconds(60))) {
            engine.useGlossary(GlossarySeed::termsFor);   // as the service: seed glossary, numbers localised
            for (Map.Entry<String, String> entry : ROUTES.entrySet()) {
                String lang = entry.getKey().strip();
                List<String> hops = List.of(entry.getValue().split(">"));
                List<String> reference = read(flores.resolve("devtest." + FLORES.get(lang)), limit);

                engine.translateRoute("Bonjour.", TextFormat.PLAIN, hops);   // warm-up: programs started
                long start = System.nanoTime();
                List<String> relais = new ArrayList<>(french.size());
                long unknown = 0;
                for (String sentence : french) {
                    TranslatedText t = engine.translateRoute(sentence, TextFormat.PLAIN, hops);
                    relais.add(t.text());
                    unknown += t.unknownWords();
                }
                double relaisSeconds = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                List<String> paragraphs = byParagraphs(engine, french, hops);
                double paragraphSeconds = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                List<String> command = apertiumCommand(french, hops);
                double commandSeconds = (System.nanoTime() - start) / 1e9;

                List<String> sample = french.subList(0, Math.min(PER_CALL_SAMPLE, french.size()));
                int sampleWords = sample.stream().mapToInt(x -> x.split("\\s+").length).sum();
                start = System.nanoTime();
                for (String sentence : sample) {
                    apertiumCommand(List.of(sentence), hops);
                }
                double perCallWps = sampleWords / ((System.nanoTime() - start) / 1e9);

                double relaisWps = words / relaisSeconds;
                double paragraphWps = words / paragraphSeconds;
                double commandWps = words / commandSeconds;
                System.out.printf(Locale.ROOT, "%-7s %-9s %11.0f %11.0f %11.0f %11.0f %7.2f %7.0f %7.1f%% %6.1f %8.1f %6.1f%n",
                        lang, entry.getValue(), relaisWps, paragraphWps, commandWps, perCallWps,
                        paragraphWps / commandWps, paragraphWps / perCallWps, 100.0 * unknown / words,
                        ChrF.corpus(relais, reference), ChrF.corpus(command, reference), Bleu.corpus(relais, reference));
                double paragraphChrF = ChrF.corpus(paragraphs, reference);
                if (Math.abs(paragraphChrF - ChrF.corpus(relais, reference)) >= 0.05) {
                    System.out.printf(Locale.ROOT, "%-7s %-9s (paragraph requests gave chrF %.1f)%n", "", "",
                            paragraphChrF);
                }
            }
        }
        System.out.println();
        System.out.println("relais/sent: one request per sentence through the warm null-flush pipelines;");
        System.out.println("relais/para: one request per paragraph of " + PARAGRAPH + " sentences (what the service sends for article bodies);");
        System.out.println("apt file: the apertium command run once per hop on the whole file (the raw tool's best case);");
        System.out.println("apt/call: the apertium command started for each sentence (first " + PER_CALL_SAMPLE
                + " sentences), what a process-per-call integration pays;");
        System.out.println("ratio para/fil and para/call: relais/para divided by apt file and by apt/call;");
        System.out.println("BLEU: corpus BLEU, 13a tokens, 4-grams, brevity penalty (sacreBLEU 2 definition), of relais's output;");
        System.out.println("chrF: corpus chrF2 (char 6-grams, beta 2, sacreBLEU 2 definition) against the FLORES reference.");
    }

    static final int PARAGRAPH = 8;
    static final int PER_CALL_SAMPLE = 20;

    /** Sentences sent {@value #PARAGRAPH} at a time, one per line, as a paragraph-sized request. */
    static List<String> byParagraphs(ApertiumEngine engine, List<String> sentences, List<String> hops) {
        List<String> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i += PARAGRAPH) {
            List<String> group = sentences.subList(i, Math.min(i + PARAGRAPH, sentences.size()));
            String[] lines = engine.translateRoute(String.join("\n", group), TextFormat.PLAIN, hops).text().split("\n", -1);
            if (lines.length == group.size()) {
                out.addAll(List.of(lines));
            } else {
                for (String sentence : group) {
                    out.add(engine.translateRoute(sentence, TextFormat.PLAIN, hops).text());
                }
            }
        }
        return out;
    }

    /** The raw tool on the same text: {@code apertium -u <mode>} once per hop over the whole file. */
    static List<String> apertiumCommand(List<String> sentences, List<String> hops) throws IOException, InterruptedException {
        Path input = Files.createTempFile("relais-bench", ".txt");
        Files.write(input, sentences, StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < hops.size(); i++) {
            String mode = mode(hops.get(i), hops.get(i + 1));
            Path output = Files.createTempFile("relais-bench", ".txt");
            Process p = new ProcessBuilder("apertium", "-u", mode, input.toString(), output.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("apertium " + mode + " failed");
            }
            Files.delete(input);
            input = output;
        }
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        Files.delete(input);
        return lines;
    }

    static String mode(String from, String to) {
        for (String candidate : List.of(from + "-" + to, three(from) + "-" + three(to))) {
            if (Files.exists(Path.of("/usr/share/apertium/modes", candidate + ".mode"))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no Apertium mode for " + from + ">" + to);
    }

    static String three(String two) {
        return Map.of("fr", "fra", "es", "spa", "ca", "cat", "en", "eng", "it", "ita", "pt", "por").getOrDefault(two, two);
    }

    static List<String> read(Path file, int limit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(0, Math.min(limit, lines.size()));
    }
}
