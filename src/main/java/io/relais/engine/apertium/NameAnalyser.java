package io.relais.engine.apertium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, with Apertium's own French analyser, which part of a run of capitalised words is a name to keep verbatim.
 * <p>
 * A run is read word by word (or multiword unit, e.g. "Société Générale" is one proper noun): words Apertium does
 * not know, and proper nouns of people and organisations, are name-like; common words ("Meilleur Acteur", "Médecins
 * Sans Frontières") and place names (which the dictionaries translate: "États-Unis", "Tokyo") are not. The name is
 * the run from its first name-like word to its end ("Musée Anne Frank" keeps "Anne Frank"; "Shark Tank" and
 * "Tokyo Game Show"'s "Game Show" stay whole), when that is at least two words, or one multiword unit.
 */
final class NameAnalyser implements NamePlaceholders.RunReader {

    private static final Pattern UNIT = Pattern.compile("\\^((?:\\\\.|[^/$\\\\])*)/((?:\\\\.|[^$\\\\])*)\\$");
    private static final Pattern NAME_TAGS = Pattern.compile("<np>(?!.*<(?:loc|top)>)");
    private static final int MAX_CACHED = 20_000;

    private final ApertiumPipeline analyser;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private NameAnalyser(ApertiumPipeline analyser) {
        this.analyser = analyser;
    }

    /** The analyser of the fr-es pair (which knows the most multiword names), or of fra-cat; null if neither. */
    static NameAnalyser french(Duration timeout, ProgramStarter starter) {
        for (Path dictionary : List.of(Path.of("/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin"),
                Path.of("/usr/share/apertium/apertium-fra-cat/fra-cat.automorf.bin"))) {
            if (Files.isRegularFile(dictionary)) {
                return new NameAnalyser(new ApertiumPipeline("fr-analyser",
                        List.of(List.of("lt-proc", "-w", "-z", dictionary.toString())), timeout, starter));
            }
        }
        return null;
    }

    @Override
    public String nameIn(String run) {
        String name = cache.get(run);
        if (name == null) {
            name = analyse(run);
            if (cache.size() > MAX_CACHED) {
                cache.clear();
            }
            cache.put(run, name);
        }
        return name.isEmpty() ? null : name;
    }

    private String analyse(String run) {
        String out = analyser.translate(ApertiumStreamFormat.fromPlain(run));
        List<String> surfaces = new ArrayList<>();
        List<Boolean> nameLike = new ArrayList<>();
        Matcher unit = UNIT.matcher(out);
        while (unit.find()) {
            String surface = unit.group(1).replace("\\", "");
            String[] readings = unit.group(2).split("/");
            boolean unknown = readings[0].startsWith("*");
            boolean properOnly = true;
            for (String reading : readings) {
                properOnly &= NAME_TAGS.matcher(reading).find();
            }
            surfaces.add(surface);
            nameLike.add(unknown || properOnly);
        }
        int first = nameLike.indexOf(true);
        if (first < 0) {
            return "";
        }
        List<String> kept = surfaces.subList(first, surfaces.size());
        String name = String.join(" ", kept);
        boolean enough = kept.size() >= 2 || kept.get(0).contains(" ");
        // the name must be found as it was written in the run (units are separated by single spaces there)
        return enough && run.endsWith(name) ? name : "";
    }

    void close() {
        analyser.close();
    }
}
