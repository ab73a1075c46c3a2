package io.relais.engine;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits an HTML fragment into paragraph-sized segments: each top-level block element (paragraph, heading, list,
 * figure...) is one, and each run of inline content between blocks is one. Joined back in order they give the
 * fragment again; inline markup stays inside its segment.
 */
public final class HtmlBlocks {

    private HtmlBlocks() {
    }

    public static Document parse(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
        return doc;
    }

    public static List<String> split(String html) {
        return split(parse(html));
    }

    public static List<String> split(Document doc) {
        List<String> segments = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        for (Node node : doc.body().childNodes()) {
            if (node instanceof Element e && e.isBlock()) {
                if (!inline.isEmpty()) {
                    segments.add(inline.toString());
                    inline.setLength(0);
                }
                segments.add(node.outerHtml());
            } else {
                inline.append(node instanceof TextNode t ? t.outerHtml() : node.outerHtml());
            }
        }
        if (!inline.isEmpty()) {
            segments.add(inline.toString());
        }
        return segments;
    }
}
