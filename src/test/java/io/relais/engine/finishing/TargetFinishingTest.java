package io.relais.engine.finishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relais.engine.HtmlBlocks;
import io.relais.engine.TextFormat;

/** Typography and LanguageTool's safe corrections, on plain text and inside HTML. */
class TargetFinishingTest {

    @Test
    void htmlIsFinishedInItsTextOnly() {
        TargetFinishing finishing = new TargetFinishing(true, new SafeCorrections(Map.of()));
        TargetFinishing.Finished f = finishing.finish(
                "<p>Municipal elections : the <a href=\"https://x.fr/a?b=1&amp;c=2\" title=\"x : y\">vote</a> at 3:30 p.m..</p>",
                TextFormat.HTML, "en");
        assertThat(f.text()).isEqualTo(
                "<p>Municipal elections: the <a href=\"https://x.fr/a?b=1&amp;c=2\" title=\"x : y\">vote</a> at 3:30 p.m.</p>");
        assertThat(f.corrections()).hasSize(2);
    }

    @Test
    void aListedLanguageToolRuleWithOneSuggestionIsApplied() {
        // LanguageTool's English rule for a lowercase sentence start offers exactly one replacement
        TargetFinishing finishing = new TargetFinishing(false,
                new SafeCorrections(Map.of("en", List.of("UPPERCASE_SENTENCE_START"))));
        TargetFinishing.Finished f = finishing.finish("The vote is over. the count starts.", TextFormat.PLAIN, "en");
        assertThat(f.text()).isEqualTo("The vote is over. The count starts.");
        assertThat(f.corrections()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo("UPPERCASE_SENTENCE_START");
            assertThat(c.original()).isEqualTo("the");
            assertThat(c.replacement()).isEqualTo("The");
        });
    }

    @Test
    void inHtmlLanguageToolReadsTheWholeBlockSoTextAfterALinkIsNoSentenceStart() {
        TargetFinishing finishing = new TargetFinishing(false,
                new SafeCorrections(Map.of("en", List.of("UPPERCASE_SENTENCE_START"))));
        TargetFinishing.Finished f = finishing.finish("<p><a href=\"https://x.fr\">Twitter</a> has spoken. the count starts.</p>",
                TextFormat.HTML, "en");
        assertThat(f.text()).isEqualTo("<p><a href=\"https://x.fr\">Twitter</a> has spoken. The count starts.</p>");
        assertThat(f.corrections()).hasSize(1);
    }

    @Test
    void rulesThatAreNotListedChangeNothing() {
        TargetFinishing finishing = new TargetFinishing(false, new SafeCorrections(Map.of("en", List.of("EN_A_VS_AN"))));
        TargetFinishing.Finished f = finishing.finish("The vote is over. the count starts.", TextFormat.PLAIN, "en");
        assertThat(f.text()).isEqualTo("The vote is over. the count starts.");
        assertThat(f.corrections()).isEmpty();
        assertThat(finishing.finish("It is a apple.", TextFormat.PLAIN, "en").text()).isEqualTo("It is an apple.");
    }

    @Test
    void theCheckedViewOfABlockIsJsoupsTextAndKnowsWhereEachCharacterCameFrom() {
        String block = " Il  pleut\u00a0fort.\n Vraiment ";
        TargetFinishing.CheckedView view = TargetFinishing.CheckedView.of(block);

        assertThat(view.text()).isEqualTo(org.jsoup.Jsoup.parseBodyFragment("<p>" + block + "</p>").text())
                .isEqualTo("Il pleut fort. Vraiment");
        SafeCorrections.Match fort = view.inBlock(new SafeCorrections.Match("R", "m", 9, 13, "beaucoup"));
        assertThat(block.substring(fort.from(), fort.to())).isEqualTo("fort");
        SafeCorrections.Match gap = view.inBlock(new SafeCorrections.Match("R", "m", 2, 3, "_"));
        assertThat(gap.from()).isEqualTo(3);   // the first character of the run of two spaces
        SafeCorrections.Match last = view.inBlock(new SafeCorrections.Match("R", "m", 15, 23, "Vraiment"));
        assertThat(block.substring(last.from(), last.to())).isEqualTo("Vraiment");
    }

    @Test
    void theCheckedViewOfAListKeepsItsItemsApartAsJsoupDoes() {
        String html = "<ul><li>Premier point.</li><li>Second <b>point</b>.<br>Suite</li></ul>";
        org.jsoup.nodes.Document doc = HtmlBlocks.parse(html);
        TargetFinishing.CheckedView view = TargetFinishing.CheckedView.of(doc.body());

        assertThat(view.text()).isEqualTo(doc.body().text()).isEqualTo("Premier point. Second point. Suite");
        // "Second" is the second text node, which starts at 14 in the concatenated text "Premier point.Second point.Suite"
        SafeCorrections.Match second = view.inBlock(new SafeCorrections.Match("R", "m", 15, 21, "Deuxième"));
        assertThat(second.from()).isEqualTo(14);
        assertThat(second.to()).isEqualTo(20);
    }
}
