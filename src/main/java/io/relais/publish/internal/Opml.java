package io.relais.publish.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import io.relais.translation.TargetLanguages;
import io.relais.publish.FeedFormat;

/** The OPML 2.0 subscription list of every public feed, in its three formats. */
final class Opml {

    private Opml() {
    }

    private static String label(FeedFormat format) {
        return switch (format) {
            case RSS -> "RSS";
            case ATOM -> "Atom";
            case JSON -> "JSON Feed";
        };
    }

    static String render(String baseUrl, List<String> languages) {
        Element head = new Element("head").addContent(new Element("title").setText("Relais feeds"));
        Element body = new Element("body");
        for (String lang : languages) {
            String name = TargetLanguages.nativeName(lang);
            Element language = new Element("outline").setAttribute("text", name + " (" + lang + ")");
            for (FeedFormat format : List.of(FeedFormat.ATOM, FeedFormat.RSS, FeedFormat.JSON)) {
                Element outline = new Element("outline")
                        // OPML 2.0: every subscription is type "rss", whatever its format; version names only RSS's
                        .setAttribute("type", "rss")
                        .setAttribute("text", "Relais — " + name + " (" + label(format) + ")")
                        .setAttribute("title", "Relais — " + name + " (" + label(format) + ")")
                        .setAttribute("language", lang)
                        .setAttribute("xmlUrl", baseUrl + "/feeds/" + lang + "/" + format.fileName())
                        .setAttribute("htmlUrl", baseUrl + "/feeds/" + lang + "/");
                if (format == FeedFormat.RSS) {
                    outline.setAttribute("version", "RSS2");
                }
                language.addContent(outline);
            }
            body.addContent(language);
        }
        Document document = new Document(new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body));
        try {
            StringWriter out = new StringWriter();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX)).output(document, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
