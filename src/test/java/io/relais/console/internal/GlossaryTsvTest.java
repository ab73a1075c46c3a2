package io.relais.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.relais.terminology.GlossaryTerm;

class GlossaryTsvTest {

    static final List<String> LANGUAGES = List.of("es", "en");

    @Test
    void anExportReadsBackAsTheSameTerms() {
        String tsv = GlossaryTsv.write(List.of(new GlossaryTerm(1, "*", "Twitter", null),
                new GlossaryTerm(2, "en", "Assemblée nationale", "National Assembly")));
        assertThat(tsv).contains("*\tTwitter\t\n").contains("en\tAssemblée nationale\tNational Assembly\n");
        List<GlossaryTsv.Line> lines = GlossaryTsv.read(tsv, LANGUAGES);
        assertThat(lines).extracting(GlossaryTsv.Line::target, GlossaryTsv.Line::source, GlossaryTsv.Line::translation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("*", "Twitter", null),
                        org.assertj.core.groups.Tuple.tuple("en", "Assemblée nationale", "National Assembly"));
        assertThat(lines).allSatisfy(l -> assertThat(l.problem()).isNull());
    }

    @Test
    void badLinesAreNamedWithTheirNumberAndWhy() {
        List<GlossaryTsv.Line> lines = GlossaryTsv.read("# comment\nde\tBundestag\tBundestag\nes\n*\t\tx\nes\tSénat\tSenado\r\n",
                LANGUAGES);
        assertThat(lines).extracting(GlossaryTsv.Line::number, GlossaryTsv.Line::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "unknown target language 'de'"),
                org.assertj.core.groups.Tuple.tuple(3, "expected 2 or 3 cells separated by tabs"),
                org.assertj.core.groups.Tuple.tuple(4, "no French term"),
                org.assertj.core.groups.Tuple.tuple(5, null));
    }
}
