package io.relais.engine.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.relais.engine.MachineTranslator;
import io.relais.engine.internal.EngineSettings;

/** The remote engines built from {@code relais.translate.engines}. */
@Component
public class RemoteEngines {

    private final List<MachineTranslator> engines = new ArrayList<>();

    RemoteEngines(EngineSettings settings) {
        settings.engines().forEach((name, e) -> engines.add(create(name, e)));
    }

    public List<MachineTranslator> all() {
        return List.copyOf(engines);
    }

    static MachineTranslator create(String name, EngineSettings.Engine e) {
        if (e.type() == null || e.url() == null) {
            throw new IllegalArgumentException("relais.translate.engines." + name + " needs a type and a url");
        }
        ResilientHttp.Settings defaults = ResilientHttp.Settings.defaults();
        ResilientHttp http = new ResilientHttp(name, new ResilientHttp.Settings(
                e.timeout() != null ? e.timeout() : defaults.timeout(),
                e.maxAttempts() != null ? e.maxAttempts() : defaults.maxAttempts(), defaults.initialBackoff(),
                defaults.maxBackoff(), defaults.failureThreshold(), defaults.openFor()));
        URI url = URI.create(e.url());
        var languages = new HashSet<>(e.languages() == null ? List.of() : e.languages());
        return switch (e.type()) {
            case "libretranslate" -> new LibreTranslateEngine(name, url, e.apiKey(), languages, http);
            case "deepl" -> new DeepLEngine(name, url, e.apiKey(), languages,
                    e.glossaryIds() == null ? Map.of() : e.glossaryIds(), http);
            case "openai" -> new OpenAiCompatibleEngine(name, url, e.apiKey(), e.model(), languages, http);
            default -> throw new IllegalArgumentException("relais.translate.engines." + name + ".type '" + e.type()
                    + "' is not libretranslate, deepl or openai");
        };
    }
}
