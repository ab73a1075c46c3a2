package io.relais.engine.finishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class NumberLocalizerTest {

    @Test
    void frenchThousandsAndDecimalsBecomeEnglish() {
        assertThat(NumberLocalizer.localize("Il a publié 1.823 tweets pour 274.000 dollars", "en"))
                .isEqualTo("Il a publié 1,823 tweets pour 274,000 dollars");
        assertThat(NumberLocalizer.localize("20 000 foyers, 1\u202F234\u202F567 votes, 3,5 millions", "en"))
                .isEqualTo("20,000 foyers, 1,234,567 votes, 3.5 millions");
        assertThat(NumberLocalizer.localize("une hausse de 5 % et de 3,5\u00A0%", "en"))
                .isEqualTo("une hausse de 5% et de 3.5%");
    }

    @Test
    void timesFollowTheTargetClock() {
        assertThat(NumberLocalizer.localize("à 15h30, puis à 9h et à 0h15", "en"))
                .isEqualTo("à 3:30 p.m., puis à 9 a.m. et à 12:15 a.m.");
        assertThat(NumberLocalizer.localize("à 15h30 ou 15 h", "es")).isEqualTo("à 15:30 ou 15:00");
        assertThat(NumberLocalizer.localize("à 15h30", "pt")).isEqualTo("à 15h30");
    }

    @Test
    void yearsPlainCountsOrdinalsAndCodesAreLeftAlone() {
        String text = "En 2027, 300 élèves, le 1er mars, la version 1.2.3, l'adresse 192.168.1.1, le vol AF1234";
        assertThat(NumberLocalizer.localize(text, "en")).isEqualTo(text);
    }

    @Test
    void spanishKeepsDecimalCommasAndGroupsWithDots() {
        assertThat(NumberLocalizer.localize("1 823 tweets, 3,5 %", "es")).isEqualTo("1.823 tweets, 3,5\u00A0%");
    }

    @Test
    void extractedValuesAreTheSameBeforeAndAfterLocalizing() {
        String french = "Il a publié 1.823 tweets pour 274.000 dollars, soit 3,5 % du total, à 15h30 en 2027.";
        List<NumericValue> source = NumberLocalizer.extract(french, "fr");
        List<NumericValue> english = NumberLocalizer.extract(NumberLocalizer.localize(french, "en"), "en");
        assertThat(source).extracting(NumericValue::value).containsExactly(new BigDecimal("1823"),
                new BigDecimal("274000"), new BigDecimal("3.5"), new BigDecimal(15 * 60 + 30), new BigDecimal("2027"));
        assertThat(english).extracting(NumericValue::value).containsExactlyElementsOf(
                source.stream().map(NumericValue::value).toList());
        assertThat(english).extracting(NumericValue::kind).containsExactly(NumericValue.Kind.NUMBER,
                NumericValue.Kind.NUMBER, NumericValue.Kind.PERCENT, NumericValue.Kind.TIME, NumericValue.Kind.NUMBER);
    }
}
