package io.relais.console.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;
import org.springframework.stereotype.Component;

import io.relais.article.Source;

/**
 * The feed sources as an OPML 2.0 subscription list, the format feed readers (miniflux, FreshRSS) import and export:
 * JDOM writes it, and reads one back with DOCTYPEs refused (no entity can reach a file or the network).
 */
@Component
class Opml {

    /** One subscription read from an OPML file: the feed's URL and the title it was given. */
    record Outline(String url, String title) {
    }

    private static final int MAX_OUTLINES = 1000;

    String write(List<Source> feeds) {
        Element head = new Element("head").addContent(new Element("title").setText("Relais sources"))
                .addContent(new Element("docs").setText("http://opml.org/spec2.opml"));
        Element body = new Element("body");
        for (Source s : feeds) {
            String title = s.name() == null ? s.url() : s.name();
            body.addContent(new Element("outline").setAttribute("type", "rss").setAttribute("text", title)
                    .setAttribute("title", title).setAttribute("xmlUrl", s.url()));
        }
        Document document = new Document(new Element("opml").setAttribute("version", "2.0").addContent(head)
                .addContent(body));
        try {
            StringWriter out = new StringWriter();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX))
                    .output(document, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every outline with an {@code xmlUrl}, however deeply nested in folders; refused with the reason otherwise. */
    List<Outline> read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the OPML text is empty");
        }
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setExpandEntities(false);
        Document document;
        try {
            document = builder.build(new StringReader(text.strip()));
        } catch (JDOMException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        Element root = document.getRootElement();
        if (!root.getName().toLowerCase(Locale.ROOT).equals("opml")) {
            throw new IllegalArgumentException("the root element is <" + root.getName() + ">, not <opml>");
        }
        List<Outline> outlines = new ArrayList<>();
        for (Element outline : root.getDescendants(new org.jdom2.filter.ElementFilter("outline"))) {
            String url = outline.getAttributeValue("xmlUrl");
            if (url == null || url.isBlank()) {
                continue;
            }
            String title = outline.getAttributeValue("title");
            if (title == null || title.isBlank()) {
                title = outline.getAttributeValue("text");
            }
            outlines.add(new Outline(url.strip(), title == null || title.isBlank() ? null : title.strip()));
            if (outlines.size() > MAX_OUTLINES) {
                throw new IllegalArgumentException("more than " + MAX_OUTLINES + " feeds in one file");
            }
        }
        if (outlines.isEmpty()) {
            throw new IllegalArgumentException("no <outline> with an xmlUrl attribute");
        }
        return outlines;
    }
}
