package io.relais.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.terminology.GlossarySeed;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.terminology.TranslationMemory;
import io.relais.engine.Translator;
import io.relais.engine.apertium.ApertiumEngine;

/**
 * Throughput with and without the translation memory on a corpus with repeated paragraphs: the first 200 FLORES
 * sentences in paragraphs of 4, each paragraph appearing 3 times in a shuffled order (as wire stories are picked up
 * by several sources). Run with {@code bench/memory}.
 */
public final class MemoryBench {

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200");
        String target = args.length > 1 ? args[1] : "en";
        List<String> sentences = TranslationBench.read(flores.resolve("devtest.fra"), 200);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += 4) {
            paragraphs.add("<p>" + String.join(" ", sentences.subList(i, Math.min(i + 4, sentences.size())))
                    .replace("&", "&amp;").replace("<", "&lt;") + "</p>");
        }
        List<String> corpus = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            corpus.addAll(paragraphs);
        }
        Collections.shuffle(corpus, new Random(42));
        int words = corpus.stream().mapToInt(p -> p.split("\\s+").length).sum();
        System.out.printf(Locale.ROOT, "corpus: %d paragraphs (%d distinct), %d words, fr>%s%n%n", corpus.size(),
                paragraphs.size(), words, target);
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "", "seconds", "words/s", "hit rate");

        try (ApertiumEngine engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"),
                Map.of("en", "fr>es>en", "es", "fr>es", "ca", "fr>ca", "it", "fr>ca>it", "pt", "fr>ca>pt"),
                Duration.ofSeconds(60))) {
            engine.useGlossary(GlossarySeed::termsFor);
            engine.translate("Bonjour.", TextFormat.PLAIN, "fr", target);
            for (boolean useMemory : new boolean[] {false, true}) {
                Translator translator = new Translator(List.of(engine), new TranslationMemory(database()), useMemory,
                        List.of(target));
                long hits = 0;
                long segments = 0;
                long start = System.nanoTime();
                for (String paragraph : corpus) {
                    TranslatedText t = translator.translate(paragraph, TextFormat.HTML, target);
                    hits += t.memoryHits();
                    segments += t.segments();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-22s %10.2f %10.0f %9.0f%%%n",
                        useMemory ? "with memory (H2)" : "without memory", seconds, words / seconds,
                        useMemory ? 100.0 * hits / segments : 0.0);
            }
        }
    }

    /** A fresh in-memory H2 database with Relais's schema, as the service has it. */
    static JdbcClient database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bench" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        return JdbcClient.create(dataSource);
    }
}
