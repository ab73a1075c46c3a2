package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relais.engine.finishing.SafeCorrections;
import io.relais.engine.finishing.TargetFinishing;
import io.relais.engine.TextFormat;

/** LanguageTool (real) never runs twice on the same text in the same language. */
class LanguageToolCacheTest {

    final LanguageQualityChecker checker = new LanguageQualityChecker(1);

    @Test
    void aTextSeenBeforeIsAnsweredFromTheCacheWithTheSameIssues() {
        String credit = "He have a dog, with the agencies.";
        List<QualityIssue> first = checker.check(credit, "en");

        List<QualityIssue> again = checker.check(credit, "en");

        assertThat(first).isNotEmpty();
        assertThat(again).isEqualTo(first);
        assertThat(checker.cacheMisses()).isEqualTo(1);
        assertThat(checker.cacheHits()).isEqualTo(1);
    }

    @Test
    void theSameTextInAnotherLanguageIsCheckedInThatLanguage() {
        checker.check("He have a dog.", "en");
        checker.check("He have a dog.", "es");

        assertThat(checker.cacheMisses()).isEqualTo(2);
        assertThat(checker.cacheHits()).isZero();
    }

    @Test
    void theFinishingCorrectsFromTheCheckersRunAndASegmentItLeavesUnchangedIsNotReadAgain() {
        TargetFinishing finishing = new TargetFinishing(false,
                new SafeCorrections(Map.of("en", List.of("UPPERCASE_SENTENCE_START")), checker::asCorrectionSource));

        TargetFinishing.Finished corrected = finishing.finish("The vote is over. the count starts.", TextFormat.PLAIN, "en");
        TargetFinishing.Finished untouched = finishing.finish("The vote is over.", TextFormat.PLAIN, "en");
        checker.check(untouched.text(), "en");

        assertThat(corrected.text()).isEqualTo("The vote is over. The count starts.");
        assertThat(corrected.corrections()).extracting(c -> c.rule()).containsExactly("UPPERCASE_SENTENCE_START");
        assertThat(untouched.corrections()).isEmpty();
        // one LanguageTool run per text: the check of the unchanged segment is answered from the finishing's run
        assertThat(checker.cacheMisses()).isEqualTo(2);
        assertThat(checker.cacheHits()).isEqualTo(1);
    }

    @Test
    void theCheckOfACorrectedTextIsDerivedFromTheRunBeforeTheCorrectionAndAgreesWithAFreshRun() {
        // two safe corrections ("a" before a vowel, a lowercase sentence start) before and between other issues
        String text = "He have a apple. the dog have a ball.";
        TargetFinishing finishing = new TargetFinishing(false, new SafeCorrections(
                Map.of("en", List.of("UPPERCASE_SENTENCE_START", "EN_A_VS_AN")),
                checker::asCorrectionSource));

        TargetFinishing.Finished f = finishing.finish(text, TextFormat.PLAIN, "en");
        List<QualityIssue> derived = checker.check(f.text(), "en");
        List<QualityIssue> fresh = new LanguageQualityChecker(1).check(f.text(), "en");

        assertThat(f.text()).isEqualTo("He have an apple. The dog have a ball.");
        assertThat(checker.cacheMisses()).as("LanguageTool read the text once").isEqualTo(1);
        assertThat(derived).extracting(QualityIssue::ruleId, QualityIssue::startOffset, QualityIssue::endOffset)
                .containsExactlyInAnyOrderElementsOf(fresh.stream()
                        .map(i -> org.assertj.core.groups.Tuple.tuple(i.ruleId(), i.startOffset(), i.endOffset()))
                        .toList());
    }

    @Test
    void inHtmlTheCorrectedBlocksCheckIsDerivedToo() {
        TargetFinishing finishing = new TargetFinishing(false, new SafeCorrections(
                Map.of("en", List.of("UPPERCASE_SENTENCE_START")), checker::asCorrectionSource));

        TargetFinishing.Finished f = finishing.finish("<p>The vote is <b>over</b>. the count starts.</p>",
                TextFormat.HTML, "en");
        checker.check("The vote is over. The count starts.", "en");

        assertThat(f.text()).isEqualTo("<p>The vote is <b>over</b>. The count starts.</p>");
        assertThat(checker.cacheMisses()).isEqualTo(1);
        assertThat(checker.cacheHits()).isEqualTo(1);
    }

    @Test
    void aBlockWithNoBreakSpacesAndLooseWhitespaceIsReadOnceThoughTheCheckReadsItNormalised() {
        // numbers and their units arrive joined by no-break spaces, and engines leave double and trailing spaces; the
        // check reads the block's text as jsoup gives it (one space for each run, none at the ends)
        TargetFinishing finishing = new TargetFinishing(false, new SafeCorrections(
                Map.of("en", List.of("UPPERCASE_SENTENCE_START")), checker::asCorrectionSource));

        TargetFinishing.Finished corrected = finishing.finish(
                "<p>The line is 50\u00a0kilometres long.  the <b>work</b> starts. </p>", TextFormat.HTML, "en");
        TargetFinishing.Finished untouched = finishing.finish(
                "<p> It carries 600\u00a0passengers  an hour. </p>", TextFormat.HTML, "en");
        checker.check(org.jsoup.Jsoup.parseBodyFragment(corrected.text()).text(), "en");
        checker.check(org.jsoup.Jsoup.parseBodyFragment(untouched.text()).text(), "en");

        assertThat(corrected.text()).contains("long.  The <b>work</b> starts. ");
        assertThat(corrected.corrections()).extracting(c -> c.rule()).containsExactly("UPPERCASE_SENTENCE_START");
        assertThat(untouched.text()).contains("600\u00a0passengers");
        assertThat(checker.cacheMisses()).as("LanguageTool read each block once").isEqualTo(2);
        assertThat(checker.cacheHits()).isEqualTo(2);
    }

    @Test
    void aListIsReadOnceWithItsItemsApartAndAnItemStartIsCorrected() {
        TargetFinishing finishing = new TargetFinishing(false, new SafeCorrections(
                Map.of("en", List.of("UPPERCASE_SENTENCE_START")), checker::asCorrectionSource));

        TargetFinishing.Finished f = finishing.finish("<ul><li>The vote is over.</li><li>the count starts.</li></ul>",
                TextFormat.HTML, "en");
        checker.check(org.jsoup.Jsoup.parseBodyFragment(f.text()).text(), "en");

        assertThat(f.text()).isEqualTo("<ul><li>The vote is over.</li><li>The count starts.</li></ul>");
        assertThat(checker.cacheMisses()).as("LanguageTool read the list once").isEqualTo(1);
        assertThat(checker.cacheHits()).isEqualTo(1);
    }

    @Test
    void aTranslationsOwnCheckLeavesOutOnlyTheSpellingSuggestionsWhichTheEditorsCheckComputes() {
        String text = "The goverment will recieve the report on Monday, he said.";

        List<QualityIssue> own = checker.check(text, "en", null, false);
        List<QualityIssue> editors = checker.check(text, "en", null, true);
        List<QualityIssue> ownAgain = checker.check(text, "en", null, false);

        assertThat(own).filteredOn(i -> "spelling".equals(i.severity())).hasSize(2)
                .allSatisfy(i -> assertThat(i.suggestions()).isEmpty());
        assertThat(editors).filteredOn(i -> "spelling".equals(i.severity()))
                .extracting(QualityIssue::suggestion).containsExactly("government", "receive");
        // the same issues, at the same places, with the same messages
        assertThat(editors).extracting(QualityIssue::ruleId, QualityIssue::startOffset, QualityIssue::endOffset,
                QualityIssue::message).isEqualTo(own.stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.ruleId(),
                i.startOffset(), i.endOffset(), i.message())).toList());
        // the editor's check ran LanguageTool again (the first run left the suggestions out); then both are cached
        assertThat(ownAgain).isEqualTo(editors);
        assertThat(checker.cacheMisses()).isEqualTo(2);
        assertThat(checker.cacheHits()).isEqualTo(1);
    }

    @Test
    void aTextWithNoSpellingIssueIsReadOnceWhoeverAsksFirst() {
        String text = "He have a dog.";

        List<QualityIssue> own = checker.check(text, "en", null, false);
        List<QualityIssue> editors = checker.check(text, "en", null, true);

        assertThat(own).isNotEmpty().isEqualTo(editors);
        assertThat(checker.cacheMisses()).isEqualTo(1);
    }

    @Test
    void spellingSuggestionsAreNeverOfferedAsSafeCorrections() {
        // "Apertium" and "Relais" are unknown to the English speller, which may offer one suggestion for them
        List<SafeCorrections.Match> singles = checker.singleReplacements("Apertium translates Relais texts.", "en");

        assertThat(checker.check("Apertium translates Relais texts.", "en"))
                .anyMatch(i -> "spelling".equals(i.severity()));
        assertThat(singles).noneMatch(m -> m.rule().contains("SPELL") || m.rule().startsWith("MORFOLOGIK"));
    }
}
