package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.relais.quality.QualityIssue;

/** The translation keeps the source's links (to the same addresses), images and emphasis. */
public class MarkupCheck implements MtCheck {

    private static final String[][] KINDS = {
            {"a[href]", "LINKS", "links"}, {"img", "IMAGES", "images"},
            {"em, i", "EMPHASIS", "emphasised passages"}, {"strong, b", "STRONG", "bold passages"}};

    @Override
    public String name() {
        return "markup";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        if (!s.html()) {
            return issues;
        }
        Document source = Jsoup.parseBodyFragment(s.sourceHtml());
        Document target = Jsoup.parseBodyFragment(s.targetHtml());
        for (String[] kind : KINDS) {
            int expected = source.select(kind[0]).size();
            int found = target.select(kind[0]).size();
            if (expected != found) {
                issues.add(blocking(kind[1] + "_COUNT", "The French text has " + expected + " " + kind[2]
                        + ", the translation " + found, -1, -1, null, expected, found));
            }
        }
        List<String> targetLinks = new ArrayList<>(target.select("a[href]").eachAttr("href"));
        for (String href : source.select("a[href]").eachAttr("href")) {
            if (!targetLinks.remove(href)) {
                issues.add(blocking("LINK_TARGET", "A link no longer points to " + href, -1, -1, null, href));
            }
        }
        return issues;
    }
}
