package io.relais.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.relais.article.Article;
import io.relais.engine.HtmlBlocks;
import io.relais.engine.MachineTranslator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.TranslationException;
import io.relais.engine.Words;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the engines reached over HTTP: which target languages they serve, batching within the service's limits,
 * and turning any unreadable reply into a {@link TranslationException} (never the source text).
 */
public abstract class HttpTranslationEngine implements MachineTranslator {

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    protected final JsonMapper json = JsonMapper.builder().build();
    protected final ResilientHttp http;
    private final String name;
    private final Set<String> languages;

    protected HttpTranslationEngine(String name, Set<String> languages, ResilientHttp http) {
        this.name = name;
        this.languages = Set.copyOf(languages);
        this.http = http;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supports(String source, String target) {
        return Article.SOURCE_LANGUAGE.equals(source) && languages.contains(target);
    }

    /** Whether the service is being called (false while its circuit breaker is open). */
    public boolean available() {
        return http.available();
    }

    @Override
    public String route(String source, String target) {
        return source + ">" + target;
    }

    @Override
    public TranslatedText translate(String text, TextFormat format, String source, String target) {
        return translateAll(List.of(text), format, source, target).get(0);
    }

    /**
     * Translates several texts, in as few requests as the service's limits allow. In HTML, image descriptions and
     * link titles ({@code alt}, {@code title}) are translated first, as plain texts, because the services' HTML modes
     * translate text content only.
     */
    public List<TranslatedText> translateAll(List<String> texts, TextFormat format, String source, String target) {
        if (format == TextFormat.HTML) {
            texts = withTranslatedAttributes(texts, source, target);
        }
        List<TranslatedText> out = new ArrayList<>(texts.size());
        for (List<String> batch : batches(texts)) {
            List<String> translated;
            try {
                translated = call(batch, format, source, target);
            } catch (JacksonException | NullPointerException | ClassCastException | IndexOutOfBoundsException e) {
                throw new TranslationException(name + " sent a reply that is not what its API documents: " + e.getMessage(), e);
            }
            if (translated.size() != batch.size()) {
                throw new TranslationException(name + " answered " + translated.size() + " texts for " + batch.size());
            }
            for (int i = 0; i < batch.size(); i++) {
                String result = translated.get(i);
                if (result == null || result.isBlank() && !batch.get(i).isBlank()) {
                    throw new TranslationException(name + " answered an empty translation");
                }
                String plain = format == TextFormat.HTML ? Jsoup.parseBodyFragment(batch.get(i)).text() : batch.get(i);
                out.add(new TranslatedText(result, name, route(source, target),
                        Words.count(plain), 0));
            }
        }
        return out;
    }

    private List<String> withTranslatedAttributes(List<String> texts, String source, String target) {
        List<Document> docs = texts.stream().map(HtmlBlocks::parse).toList();
        List<Element> elements = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Document doc : docs) {
            for (Element element : doc.body().select("[alt], [title]")) {
                for (String attribute : List.of("alt", "title")) {
                    if (LETTER.matcher(element.attr(attribute)).find()) {
                        elements.add(element);
                        attributes.add(attribute);
                        values.add(element.attr(attribute));
                    }
                }
            }
        }
        if (values.isEmpty()) {
            return texts;
        }
        List<TranslatedText> translated = translateAll(values, TextFormat.PLAIN, source, target);
        for (int i = 0; i < values.size(); i++) {
            elements.get(i).attr(attributes.get(i), translated.get(i).text());
        }
        return docs.stream().map(doc -> doc.body().html()).toList();
    }

    /** Splits texts into requests the service accepts: at most {@link #maxTexts()} texts and {@link #maxChars()}. */
    List<List<String>> batches(List<String> texts) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int chars = 0;
        for (String text : texts) {
            if (!current.isEmpty() && (current.size() >= maxTexts() || chars + text.length() > maxChars())) {
                batches.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(text);
            chars += text.length();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    protected abstract int maxTexts();

    protected abstract int maxChars();

    /** One request for a batch; returns the translations in order. */
    protected abstract List<String> call(List<String> texts, TextFormat format, String source, String target);
}
