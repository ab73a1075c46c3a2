package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.StoredArticlesTest;
import io.relais.terminology.Glossary;

/** A source's categories reach the feeds in the feed's language: the newsroom's glossary first, else the engine. */
class CategoryTranslationsTest extends StoredArticlesTest {

    @Autowired
    CategoryTranslations categories;
    @Autowired
    Glossary glossary;

    @Test
    void theGlossaryDecidesACategorysTranslationAndTheEngineTranslatesTheOthers() {
        glossary.put("es", "Faits divers", "Sucesos");
        Map<String, String> spanish = categories.translate("es", List.of("Faits divers", "Économie"));
        assertThat(spanish).containsEntry("Faits divers", "Sucesos");
        assertThat(spanish.get("Économie")).isEqualToIgnoringCase("Economía");   // Apertium fr>es
        assertThat(categories.translate("ca", List.of("Économie")).get("Économie")).isEqualToIgnoringCase("Economia");
    }
}
