package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Relais's own check messages, the estimate's reasons and the corrections are said in French, English and Spanish:
 * every key of the English bundle is in the other two, each a valid MessageFormat pattern that takes the same
 * values.
 */
class CheckMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CheckMessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> signalKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("check.") || key.startsWith("reason.") || key.startsWith("signal.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void everyCheckMessageIsSaidInFrenchAndSpanishToo() throws IOException {
        Properties en = bundle("messages.properties");
        Set<String> keys = signalKeys(en);
        assertThat(keys).hasSizeGreaterThan(30);
        for (String other : new String[] {"messages_fr.properties", "messages_es.properties"}) {
            Properties p = bundle(other);
            assertThat(signalKeys(p)).as(other).isEqualTo(keys);
            for (String key : keys) {
                MessageFormat english = new MessageFormat(en.getProperty(key), Locale.ENGLISH);
                MessageFormat translated = new MessageFormat(p.getProperty(key), Locale.ROOT);
                assertThat(translated.getFormatsByArgumentIndex().length).as(other + " " + key)
                        .isEqualTo(english.getFormatsByArgumentIndex().length);
            }
        }
    }

    @Test
    void aReasonSaysItsCountAndWords() throws IOException {
        Properties fr = bundle("messages_fr.properties");
        assertThat(new MessageFormat(fr.getProperty("reason.UNKNOWN_WORDS"), Locale.FRENCH)
                .format(new Object[] {2, "vélocipède, biniou"})).isEqualTo("2 mots inconnus : vélocipède, biniou");
        assertThat(new MessageFormat(fr.getProperty("reason.ROUND_TRIP_LOST"), Locale.FRENCH)
                .format(new Object[] {"vol", 1})).isEqualTo("l'aller-retour a perdu « vol »");
        Properties en = bundle("messages.properties");
        assertThat(new MessageFormat(en.getProperty("reason.PIVOT_WORD"), Locale.ENGLISH)
                .format(new Object[] {"Spanish", "Bretaña", 1})).isEqualTo("Spanish word left: Bretaña");
    }
}
