package io.relais.engine.apertium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.relais.engine.TranslationException;

/**
 * Finds installed Apertium modes and turns a mode into the programs of its null-flush pipeline.
 * Language pairs name their modes with two- or three-letter codes ({@code fr-es}, {@code fra-cat},
 * {@code spa-eng}), so each hop is looked up under every spelling.
 */
final class ApertiumModes {

    private static final Map<String, List<String>> CODES = Map.ofEntries(
            Map.entry("fr", List.of("fr", "fra")), Map.entry("es", List.of("es", "spa")),
            Map.entry("ca", List.of("ca", "cat")), Map.entry("en", List.of("en", "eng")),
            Map.entry("it", List.of("it", "ita")), Map.entry("pt", List.of("pt", "por")),
            Map.entry("de", List.of("de", "deu")), Map.entry("gl", List.of("gl", "glg")),
            Map.entry("oc", List.of("oc", "oci")), Map.entry("eo", List.of("eo", "epo")));

    private final Path modesDir;

    ApertiumModes(Path modesDir) {
        this.modesDir = modesDir;
    }

    /** The installed mode translating {@code from} into {@code to}, e.g. {@code fra-cat} for fr>ca. */
    Optional<String> find(String from, String to) {
        for (String a : CODES.getOrDefault(from, List.of(from))) {
            for (String b : CODES.getOrDefault(to, List.of(to))) {
                String mode = a + "-" + b;
                if (Files.isRegularFile(modesDir.resolve(mode + ".mode"))) {
                    return Optional.of(mode);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The programs of a mode in null-flush mode, as {@code apertium-wblank-mode -z} writes them (the same
     * rewriting the {@code apertium} command does), with generation marking unknown words ({@code $1 = -g}).
     */
    List<List<String>> pipeline(String mode) {
        Path file = modesDir.resolve(mode + ".mode");
        String script;
        try {
            Process p = new ProcessBuilder("apertium-wblank-mode", "-z", file.toString())
                    .redirectErrorStream(true).start();
            script = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new TranslationException("apertium-wblank-mode failed on " + file + ": " + script);
            }
        } catch (IOException e) {
            throw new TranslationException("cannot run apertium-wblank-mode (is Apertium installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException("interrupted", e);
        }
        return parse(script);
    }

    /** Splits a mode's shell pipeline into programs and arguments (single and double quotes, $1/$2). */
    static List<List<String>> parse(String script) {
        List<List<String>> programs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) || c == '|') {
                if (word != null) {
                    addWord(current, word.toString());
                    word = null;
                }
                if (c == '|') {
                    programs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            addWord(current, word.toString());
        }
        if (!current.isEmpty()) {
            programs.add(current);
        }
        return programs;
    }

    private static void addWord(List<String> command, String word) {
        switch (word) {
            case "$1" -> command.add("-g");
            case "$2" -> { }
            default -> command.add(word);
        }
    }
}
