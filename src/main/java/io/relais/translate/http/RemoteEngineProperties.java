package io.relais.translate.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relais.translate.engines.<name>.*}: remote engines, none by default. {@code type} is {@code libretranslate},
 * {@code deepl} or {@code openai}; {@code languages} the targets it serves; keys come from the environment.
 */
@ConfigurationProperties("relais.translate")
public record RemoteEngineProperties(Map<String, Engine> engines) {

    public record Engine(String type, String url, String apiKey, String model, List<String> languages,
                         Map<String, String> glossaryIds, Duration timeout, Integer maxAttempts) {
    }

    public Map<String, Engine> engines() {
        return engines == null ? Map.of() : engines;
    }
}
