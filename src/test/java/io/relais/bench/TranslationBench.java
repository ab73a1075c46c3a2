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

import io.relais.translate.TextFormat;
import io.relais.translate.TranslatedText;
import io.relais.translate.apertium.ApertiumEngine;
import io.relais.translate.eval.ChrF;

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
        ROUTES.put("pt", "fr>es>pt");
        ROUTES.put("en ", "fr>ca>en");
        ROUTES.put("it ", "fr>es>it");
        ROUTES.put("pt ", "fr>ca>pt");
    }

    static final Map<String, String> FLORES = Map.of("es", "spa", "ca", "cat", "en", "eng", "it", "ita", "pt", "por");

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        List<String> french = read(flores.resolve("devtest.fra"), limit);
        int words = french.stream().mapToInt(s -> s.split("\\s+").length).sum();
        System.out.printf(Locale.ROOT, "FLORES-200 devtest: %d French sentences, %d words%n%n", french.size(), words);
        System.out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %7s %9s %8s %9s%n", "target", "route", "relais w/s",
                "apertium w/s", "ratio", "unknown", "chrF", "chrF cmd");

        Map<String, String> routes = new LinkedHashMap<>();
        ROUTES.forEach((key, route) -> routes.put(key.strip(), route));
        try (ApertiumEngine engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), routes, Duration.ofSeconds(60))) {
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
                List<String> command = apertiumCommand(french, hops);
                double commandSeconds = (System.nanoTime() - start) / 1e9;

                double relaisWps = words / relaisSeconds;
                double commandWps = words / commandSeconds;
                System.out.printf(Locale.ROOT, "%-10s %-10s %12.0f %12.0f %7.2f %8.1f%% %8.1f %9.1f%n", lang,
                        entry.getValue(), relaisWps, commandWps, relaisWps / commandWps, 100.0 * unknown / words,
                        ChrF.corpus(relais, reference), ChrF.corpus(command, reference));
            }
        }
        System.out.println();
        System.out.println("relais w/s: one request per sentence through the warm null-flush pipelines;");
        System.out.println("apertium w/s: the apertium command run once per hop on the whole file (its best case);");
        System.out.println("chrF: corpus chrF2 (char 6-grams, beta 2, sacreBLEU 2 definition) against the FLORES reference.");
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
