package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/** LanguageTool (real) by paragraph, each paragraph checked once however often it comes back. */
class CheckedTextTest {

    final AtomicInteger calls = new AtomicInteger();
    final LanguageQualityChecker languageTool = new LanguageQualityChecker() {
        @Override
        public List<QualityIssue> check(String plainText, String lang) {
            calls.incrementAndGet();
            return super.check(plainText, lang);
        }
    };

    @Test
    void issuesOfALaterParagraphPointAtTheSameWordsInTheBodyTextAsTheReviewScreenShowsIt() {
        CheckedText checks = new CheckedText(languageTool, 100);
        String second = "<p>He have a dog and she have two cats.</p>";
        String body = "<p>The town council voted a new budget on Tuesday.</p>" + second;

        List<QualityIssue> inBody = checks.html(body, "en");
        List<QualityIssue> alone = languageTool.check(Jsoup.parseBodyFragment(second).text(), "en");

        String bodyText = Jsoup.parseBodyFragment(body).text();
        String secondText = Jsoup.parseBodyFragment(second).text();
        assertThat(alone).isNotEmpty();
        assertThat(inBody).extracting(i -> bodyText.substring(i.startOffset(), i.endOffset()))
                .containsExactlyElementsOf(alone.stream().map(i -> secondText.substring(i.startOffset(), i.endOffset()))
                        .toList());
    }

    @Test
    void aParagraphSeenBeforeIsNotCheckedAgainAndGivesTheSameIssues() {
        CheckedText checks = new CheckedText(languageTool, 100);
        String credit = "<p>He have a dog, with the agencies.</p>";
        List<QualityIssue> first = checks.html("<p>Storms hit the coast on Monday night.</p>" + credit, "en");
        int afterFirst = calls.get();

        List<QualityIssue> again = checks.html("<p>Storms hit the coast on Monday night.</p>" + credit, "en");

        assertThat(calls.get()).as("LanguageTool calls for a body seen before").isEqualTo(afterFirst);
        assertThat(again).isEqualTo(first);
        assertThat(checks.hits()).isEqualTo(2);
        assertThat(checks.plain("He have a dog.", "fr")).isNotSameAs(checks.plain("He have a dog.", "en"));
    }
}
