package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.relais.publish.FeedView.ContentMode;
import io.relais.translation.PublishedEntry;
import io.relais.translation.TranslationState;

class PresentationTest {

    private final FeedBuilder builder = new FeedBuilder("https://relais.example/");

    private final PublishedEntry entry = new PublishedEntry(7, 1, "es", "El puerto abre", "Un resumen",
            "<p>El puerto abre.</p><img src=\"https://exemple.fr/port.png\" alt=\"Puerto\">", null, "Le port ouvre",
            "Anne Roy", OffsetDateTime.parse("2026-11-20T08:00:00Z"), OffsetDateTime.parse("2026-11-21T09:30:00Z"),
            "apertium", "fr>es", 88.0, TranslationState.APPROVED, 3, "Ouest", "Un résumé", "<p>Le port ouvre.</p>",
            List.of(), null);

    @Test
    void bilingualEntriesPutTheFrenchOriginalTaggedAsFrenchAfterTheTranslation() {
        PublishedEntry both = new Presentation(ContentMode.FULL, true, false).apply(entry);
        assertThat(both.body().indexOf("<p>El puerto abre.</p>")).isLessThan(both.body().indexOf("<p>Le port ouvre.</p>"));
        assertThat(both.body()).contains("<div lang=\"fr\" class=\"relais-original\">");
        assertThat(both.summary()).isEqualTo("Un resumen");   // plain text in one language: the French is in the HTML

        PublishedEntry summaries = new Presentation(ContentMode.SUMMARY, true, false).apply(entry);
        assertThat(summaries.summary()).isEqualTo("Un resumen");
        assertThat(summaries.body()).startsWith("<div lang=\"fr\" class=\"relais-original\">").contains("<p>Un résumé</p>")
                .doesNotContain("<img");
    }

    @Test
    void titleOnlyEntriesCarryNoTextButAtomStillGetsASummary() {
        PublishedEntry title = new Presentation(ContentMode.TITLE, false, false).apply(entry);
        assertThat(title.summary()).isNull();
        assertThat(title.body()).isNull();
        String atom = builder.render("es", List.of(title), FeedFormat.ATOM);
        assertThat(atom).contains("<title type=\"text\">El puerto abre</title>").doesNotContain("<content")
                .contains("<summary type=\"text\">El puerto abre</summary>").doesNotContain("enclosure");
    }

    @Test
    void aPresentationIsStoredAsAShortCodeAndReadBack() {
        assertThat(Presentation.FULL.code()).isNull();
        Presentation p = new Presentation(ContentMode.SUMMARY, true, true);
        assertThat(p.code()).isEqualTo("SUMMARY+bilingual+resurface");
        assertThat(Presentation.of(p.code())).isEqualTo(p);
        assertThat(Presentation.of(null)).isEqualTo(Presentation.FULL);
    }
}
