package io.relais.engine.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.relais.engine.TextFormat;
import tools.jackson.databind.JsonNode;

/**
 * DeepL API v2: {@code POST /v2/translate} with {@code Authorization: DeepL-Auth-Key}, a JSON body of {@code text}
 * (up to 50 texts, request under 128 KiB), {@code source_lang}, {@code target_lang}, {@code tag_handling: html} for
 * HTML and an optional {@code glossary_id}; the answer is {@code translations[].text}.
 */
public class DeepLEngine extends HttpTranslationEngine {

    private final URI endpoint;
    private final String authKey;
    private final Map<String, String> glossaryIds;

    public DeepLEngine(String name, URI baseUrl, String authKey, Set<String> languages, Map<String, String> glossaryIds,
                       ResilientHttp http) {
        super(name, languages, http);
        this.endpoint = baseUrl.resolve("/v2/translate");
        this.authKey = authKey;
        this.glossaryIds = Map.copyOf(glossaryIds);
    }

    @Override
    protected int maxTexts() {
        return 50;
    }

    @Override
    protected int maxChars() {
        return 120_000;   // the documented limit is 128 KiB for the whole request
    }

    static String targetCode(String lang) {
        return switch (lang) {
            case "en" -> "EN-US";
            case "pt" -> "PT-PT";
            default -> lang.toUpperCase(Locale.ROOT);
        };
    }

    @Override
    protected List<String> call(List<String> texts, TextFormat format, String source, String target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", texts);
        body.put("source_lang", source.toUpperCase(Locale.ROOT));
        body.put("target_lang", targetCode(target));
        if (format == TextFormat.HTML) {
            body.put("tag_handling", "html");
        }
        if (glossaryIds.containsKey(target)) {
            body.put("glossary_id", glossaryIds.get(target));
        }
        JsonNode reply = json.readTree(http.postJson(endpoint, json.writeValueAsString(body),
                Map.of("Authorization", "DeepL-Auth-Key " + authKey)));
        List<String> out = new ArrayList<>();
        for (JsonNode translation : reply.get("translations")) {
            out.add(translation.get("text").asString());
        }
        return out;
    }
}
