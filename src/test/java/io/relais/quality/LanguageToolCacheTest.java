package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

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
}
