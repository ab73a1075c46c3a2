package io.relais.engine.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.relais.engine.TextFormat;
import io.relais.translation.TargetLanguages;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code POST /v1/chat/completions}: OpenAI, vLLM, llama.cpp's
 * server, Ollama): one text per request, a system prompt asking for a faithful news translation that keeps markup,
 * names and numbers, temperature 0; the answer is {@code choices[0].message.content}.
 */
public class OpenAiCompatibleEngine extends HttpTranslationEngine {

    private final URI endpoint;
    private final String apiKey;
    private final String model;

    public OpenAiCompatibleEngine(String name, URI baseUrl, String apiKey, String model, Set<String> languages,
                                  ResilientHttp http) {
        super(name, languages, http);
        this.endpoint = baseUrl.resolve("/v1/chat/completions");
        this.apiKey = apiKey;
        this.model = model;
    }

    @Override
    protected int maxTexts() {
        return 1;
    }

    @Override
    protected int maxChars() {
        return 20_000;
    }

    static String prompt(TextFormat format, String target) {
        String language = TargetLanguages.englishName(target);
        return "You translate French news into " + language + ". Translate the user's text faithfully and completely. "
                + (format == TextFormat.HTML
                        ? "It is HTML: keep every tag and attribute exactly as it is and translate the text between the tags. "
                        : "It is plain text. ")
                + "Keep names of people, organisations and brands as they are; keep every number's value and write it the "
                + language + " way. Answer with the translation only, nothing before or after it.";
    }

    @Override
    protected List<String> call(List<String> texts, TextFormat format, String source, String target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("temperature", 0);
        body.put("messages", List.of(Map.of("role", "system", "content", prompt(format, target)),
                Map.of("role", "user", "content", texts.get(0))));
        Map<String, String> headers = apiKey == null || apiKey.isBlank() ? Map.of()
                : Map.of("Authorization", "Bearer " + apiKey);
        JsonNode reply = json.readTree(http.postJson(endpoint, json.writeValueAsString(body), headers));
        String content = reply.get("choices").get(0).get("message").get("content").asString().strip();
        if (content.startsWith("```")) {   // some models fence their answer
            content = content.replaceAll("^```[a-zA-Z]*\\s*", "").replaceAll("\\s*```$", "");
        }
        return List.of(content);
    }
}
