package io.relais.engine.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.relais.engine.TextFormat;
import tools.jackson.databind.JsonNode;

/**
 * LibreTranslate: {@code POST /translate} with {@code q} (a list for a batch), {@code source}, {@code target},
 * {@code format} ({@code html} or {@code text}) and optional {@code api_key}; the answer's {@code translatedText} is
 * a string, or a list for a batch. Batches stay under the server's default character limit.
 */
public class LibreTranslateEngine extends HttpTranslationEngine {

    private final URI endpoint;
    private final String apiKey;

    public LibreTranslateEngine(String name, URI baseUrl, String apiKey, Set<String> languages, ResilientHttp http) {
        super(name, languages, http);
        this.endpoint = baseUrl.resolve("/translate");
        this.apiKey = apiKey;
    }

    @Override
    protected int maxTexts() {
        return 50;
    }

    @Override
    protected int maxChars() {
        return 5000;
    }

    @Override
    protected List<String> call(List<String> texts, TextFormat format, String source, String target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", texts);
        body.put("source", source);
        body.put("target", target);
        body.put("format", format == TextFormat.HTML ? "html" : "text");
        if (apiKey != null && !apiKey.isBlank()) {
            body.put("api_key", apiKey);
        }
        JsonNode reply = json.readTree(http.postJson(endpoint, json.writeValueAsString(body), Map.of()));
        JsonNode translated = reply.get("translatedText");
        List<String> out = new ArrayList<>();
        if (translated.isArray()) {
            translated.forEach(t -> out.add(t.asString()));
        } else {
            out.add(translated.asString());
        }
        return out;
    }
}
