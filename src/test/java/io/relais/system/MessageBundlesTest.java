package io.relais.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The interface texts: every text in English (messages.properties) is also in French and Spanish, the bundles of the
 * other content languages hold only what the public pages say, and every text is a valid MessageFormat pattern with
 * its apostrophes doubled (the bundles are always read as MessageFormat, where a single ' starts a quote and
 * silently swallows what follows).
 */
class MessageBundlesTest {

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/messages" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyInterfaceTextIsInEnglishFrenchAndSpanish() throws IOException {
        Properties english = bundle("");
        for (String lang : new String[] {"_fr", "_es"}) {
            Properties other = bundle(lang);
            assertThat(other.stringPropertyNames()).as(lang).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void theOtherContentLanguagesHaveOnlyThePublicPagesTexts() throws IOException {
        Properties english = bundle("");
        for (String lang : new String[] {"_ca", "_it", "_pt"}) {
            Properties other = bundle(lang);
            assertThat(other.stringPropertyNames()).as(lang).allMatch(key -> key.startsWith("public."))
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames().stream()
                            .filter(key -> key.startsWith("public.")).toList());
        }
    }

    @Test
    void everyTextIsAMessageFormatPatternWithItsApostrophesDoubled() throws IOException {
        for (String lang : new String[] {"", "_fr", "_es", "_ca", "_it", "_pt"}) {
            Properties texts = bundle(lang);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(LONE_APOSTROPHE.matcher(text).find()).as("messages%s %s: %s", lang, key, text).isFalse();
                new MessageFormat(text);   // throws on a malformed pattern
            }
        }
    }
}
