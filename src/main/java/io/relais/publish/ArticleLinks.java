package io.relais.publish;

import java.text.Normalizer;
import java.util.Locale;

/** Where the public page of a translation (or of its French original, {@code lang} {@link io.relais.article.Article#SOURCE_LANGUAGE}) lives. */
public final class ArticleLinks {

    private ArticleLinks() {
    }

    /** {@code /es/articles/42-el-gato-duerme}: the id finds the page, the slug only helps people reading the URL. */
    public static String path(String lang, long articleId, String title) {
        String slug = slug(title);
        return "/" + lang + "/articles/" + articleId + (slug.isEmpty() ? "" : "-" + slug);
    }

    /** Lower-case ASCII words joined by hyphens, at most 60 characters. */
    public static String slug(String title) {
        if (title == null) {
            return "";
        }
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return slug;
    }
}
