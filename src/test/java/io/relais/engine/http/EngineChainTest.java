package io.relais.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.TranslationException;
import io.relais.engine.Translator;
import io.relais.engine.apertium.ApertiumEngine;
import io.relais.ScriptedServer;
import io.relais.ScriptedServer.Answer;

/** Per-language chains: a failing remote engine falls back to the next one (here real Apertium). */
class EngineChainTest {

    @Test
    void aFailingRemoteEngineFallsBackToApertium() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             ApertiumEngine apertium = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of("es", "fr>es"),
                     Duration.ofSeconds(60))) {
            server.then(Answer.status(500, Map.of())).then(Answer.status(500, Map.of()));
            LibreTranslateEngine libre = new LibreTranslateEngine("libretranslate", server.uri(), null, Set.of("es", "de"),
                    new ResilientHttp("libretranslate", new ResilientHttp.Settings(Duration.ofSeconds(2), 2,
                            Duration.ofMillis(1), Duration.ofMillis(10), 5, Duration.ofSeconds(60)), Clock.systemUTC()));
            Translator translator = new Translator(List.of(apertium, libre),
                    Map.of("es", List.of("libretranslate", "apertium"), "de", List.of("libretranslate")), null, false,
                    List.of("es", "de"));

            assertThat(translator.chain("es")).extracting(e -> e.name()).containsExactly("libretranslate", "apertium");
            TranslatedText es = translator.translate("Le chat noir dort.", TextFormat.PLAIN, "es");
            assertThat(es.text()).isEqualTo("El gato negro duerme.");
            assertThat(es.engine()).isEqualTo("apertium");
            assertThat(server.received).hasSize(2);

            // German has no fallback: the failure is reported with the engine's reason, never the French text
            server.then(Answer.status(500, Map.of())).then(Answer.status(500, Map.of()));
            assertThatThrownBy(() -> translator.translate("Le chat dort.", TextFormat.PLAIN, "de"))
                    .isInstanceOf(TranslationException.class).hasMessageContaining("libretranslate: ")
                    .hasMessageContaining("HTTP 500");
        }
    }

    @Test
    void aLanguageNoEngineServesHasAnEmptyChainFromTheStart() {
        Translator translator = new Translator(List.of(), Map.of(), null, false, List.of("ja"));
        assertThat(translator.chain("ja")).isEmpty();
        assertThat(translator.engineFor("ja")).isNull();
        assertThatThrownBy(() -> translator.translate("Bonjour", TextFormat.PLAIN, "ja"))
                .hasMessageContaining("no configured engine translates fr>ja");
    }

    @Test
    void remoteEnginesAreBuiltFromConfiguration() {
        var engine = RemoteEngines.create("deepl", new io.relais.engine.internal.EngineSettings.Engine("deepl", "https://api-free.deepl.com",
                "key", null, List.of("de"), Map.of(), null, null));
        assertThat(engine).isInstanceOf(DeepLEngine.class);
        assertThat(engine.supports("fr", "de")).isTrue();
        assertThat(engine.supports("fr", "es")).isFalse();
        assertThatThrownBy(() -> RemoteEngines.create("x", new io.relais.engine.internal.EngineSettings.Engine("babelfish", "http://x",
                null, null, List.of(), null, null, null))).hasMessageContaining("not libretranslate, deepl or openai");
    }
}
