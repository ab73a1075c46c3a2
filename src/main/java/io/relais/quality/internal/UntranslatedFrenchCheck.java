package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.languagetool.DetectedLanguage;
import org.languagetool.Languages;
import org.languagetool.language.identifier.LanguageIdentifier;
import org.languagetool.language.identifier.LanguageIdentifierService;
import org.springframework.util.function.SingletonSupplier;

import io.relais.article.Article;
import io.relais.quality.QualityIssue;

/**
 * French left in a translation: a sentence LanguageTool's language identifier takes for French (blocking: partners
 * must never receive French), and lower-case words the target's speller does not know and the French speller does
 * (capitalised words are names, kept on purpose).
 */
public class UntranslatedFrenchCheck implements MtCheck {

    static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    /** Identification of very short sentences is a guess: “Paris, 2020.” is French and English alike. */
    private static final int MIN_WORDS_TO_IDENTIFY = 5;

    private final Spellers spellers;
    /** Loaded at the first check (the warm-up's, after the start): its profiles cost half a second of a core. */
    private final SingletonSupplier<LanguageIdentifier> identifier = SingletonSupplier.of(
            () -> LanguageIdentifierService.INSTANCE.getDefaultLanguageIdentifier(1000, null, null, null));

    public UntranslatedFrenchCheck(Spellers spellers) {
        this.spellers = spellers;
    }

    @Override
    public String name() {
        return "untranslated";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        if (Article.SOURCE_LANGUAGE.equals(s.lang())) {
            return issues;
        }
        String text = s.targetText();
        // a sentence needs as many words and unknown words as it takes: a text without them has no such sentence,
        // and is not split into sentences (the split was half of the MT checks' time)
        var sentences = WORD.matcher(text).results().count() < MIN_WORDS_TO_IDENTIFY || foreignWords(text, s.lang()) < 2
                ? List.<String>of()
                : Languages.getLanguageForShortCode(Article.SOURCE_LANGUAGE).getSentenceTokenizer().tokenize(text);
        int at = 0;
        for (String sentence : sentences) {
            int start = text.indexOf(sentence, at);
            at = start < 0 ? at : start + sentence.length();
            if (start >= 0 && WORD.matcher(sentence).results().count() >= MIN_WORDS_TO_IDENTIFY
                    && foreignWords(sentence, s.lang()) >= 2 && french(sentence)) {
                String trimmed = sentence.strip();
                int from = text.indexOf(trimmed, start);
                issues.add(blocking("FRENCH_SENTENCE", "This sentence is still French", from, from + trimmed.length(),
                        null));
            }
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (word.length() >= 3 && Character.isLowerCase(word.charAt(0)) && !spellers.knows(s.lang(), word)
                    && spellers.knows(Article.SOURCE_LANGUAGE, word)) {
                issues.add(warning("FRENCH_WORD", "French word left untranslated: " + word, m.start(), m.end(), null, word));
            }
        }
        return issues;
    }

    /** Words the target's speller does not know: a translated sentence has few, an untranslated one many. */
    private long foreignWords(String sentence, String lang) {
        return WORD.matcher(sentence).results().filter(w -> !spellers.knows(lang, w.group())).limit(2).count();
    }

    private boolean french(String sentence) {
        LanguageIdentifier languages = identifier.obtain();
        DetectedLanguage detected;
        synchronized (languages) {
            detected = languages.detectLanguage(sentence, List.of(), List.of());
        }
        return detected != null && detected.getDetectedLanguage() != null
                && Article.SOURCE_LANGUAGE.equals(detected.getDetectedLanguage().getShortCode());
    }
}
