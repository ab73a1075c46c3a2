package io.relais.translate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Chooses the engine for each target language and translates French text with it, segment by segment (a plain
 * text is one segment, an HTML body one per paragraph-level block), taking each segment from the translation
 * memory when it is there and remembering what the engine returns.
 */
@Service
public class Translator {

    public static final String SOURCE_LANGUAGE = "fr";

    private static final Logger log = LoggerFactory.getLogger(Translator.class);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");

    private final List<MachineTranslator> engines;
    private final TranslationMemory memory;
    private final boolean useMemory;

    public Translator(List<MachineTranslator> engines, TranslationMemory memory,
               @Value("${relais.translate.memory.enabled:true}") boolean useMemory,
               @Value("${relais.languages}") List<String> languages) {
        this.engines = engines;
        this.memory = memory;
        this.useMemory = useMemory;
        for (String lang : languages) {
            if (engineFor(lang) == null) {
                log.warn("No configured translation engine serves {}>{}: its translations will be FAILED",
                        SOURCE_LANGUAGE, lang);
            }
        }
    }

    public TranslatedText translate(String text, TextFormat format, String target) {
        MachineTranslator engine = engineFor(target);
        if (engine == null) {
            throw new TranslationException("no configured engine translates " + SOURCE_LANGUAGE + ">" + target);
        }
        if (!useMemory) {
            return engine.translate(text, format, SOURCE_LANGUAGE, target);
        }
        List<String> segments = format == TextFormat.HTML ? HtmlBlocks.split(text) : List.of(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int words = 0;
        int unknown = 0;
        int hits = 0;
        for (String segment : segments) {
            TranslatedText t = segment(segment, format, target, engine);
            out.append(t.text());
            words += t.wordCount();
            unknown += t.unknownWords();
            hits += t.memoryHits();
        }
        return new TranslatedText(out.toString(), engine.name(), engine.route(SOURCE_LANGUAGE, target), words, unknown,
                segments.size(), hits);
    }

    private TranslatedText segment(String segment, TextFormat format, String target, MachineTranslator engine) {
        if (!LETTER.matcher(segment).find()) {
            return engine.translate(segment, format, SOURCE_LANGUAGE, target);
        }
        Optional<TranslationMemory.Entry> remembered = memory.lookup(segment, SOURCE_LANGUAGE, target);
        if (remembered.isPresent()) {
            TranslationMemory.Entry entry = remembered.get();
            memory.recordHit(entry.id());
            String plain = format == TextFormat.HTML ? HtmlBlocks.parse(segment).text() : segment;
            return new TranslatedText(entry.targetText(), entry.engine(), entry.route(),
                    (int) WORD.matcher(plain).results().count(), entry.unknownWords(), 1, 1);
        }
        TranslatedText translated = engine.translate(segment, format, SOURCE_LANGUAGE, target);
        memory.remember(segment, SOURCE_LANGUAGE, target, translated.text(), TranslationMemory.Origin.MACHINE,
                translated.engine(), translated.route(), translated.unknownWords());
        return translated;
    }

    /** The engine that translates into {@code target}, or null when none does. */
    public MachineTranslator engineFor(String target) {
        return engines.stream().filter(e -> e.supports(SOURCE_LANGUAGE, target)).findFirst().orElse(null);
    }
}
