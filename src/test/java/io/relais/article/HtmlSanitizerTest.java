package io.relais.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void removesScriptsEventHandlersAndJavascriptUrls() {
        String clean = sanitizer.sanitize("<p onclick=\"steal()\">Bonjour <a href=\"javascript:alert(1)\">ici</a>"
                + "<script>alert(2)</script><img src=\"x.jpg\" onerror=\"alert(3)\"></p>", null);
        assertThat(clean).doesNotContain("onclick").doesNotContain("javascript:").doesNotContain("<script")
                .doesNotContain("onerror").contains("Bonjour").contains("ici");
    }

    @Test
    void keepsLinksImagesFiguresAndInlineMarkupWithoutReformatting() {
        String html = "<p>Le <strong>maire</strong> a parlé. <a href=\"https://exemple.fr/a\">Lire</a></p>"
                + "<figure><img src=\"https://exemple.fr/i.jpg\" alt=\"Photo\"><figcaption>Légende</figcaption></figure>";
        assertThat(sanitizer.sanitize(html, null)).isEqualTo(html);
    }

    @Test
    void resolvesRelativeLinksAgainstTheArticleUrlOrDropsThem() {
        assertThat(sanitizer.sanitize("<a href=\"/suite\">suite</a>", "https://exemple.fr/article"))
                .isEqualTo("<a href=\"https://exemple.fr/suite\">suite</a>");
        assertThat(sanitizer.sanitize("<a href=\"/suite\">suite</a>", null)).isEqualTo("<a>suite</a>");
    }

    @Test
    void decodesEntitiesToUtf8() {
        assertThat(sanitizer.sanitize("<p>&eacute;t&eacute; &amp; hiver</p>", null)).isEqualTo("<p>été &amp; hiver</p>");
    }
}
