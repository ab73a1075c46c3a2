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

/** The OPML 2.0 subscription list of every public feed. */
final class Opml {

    private Opml() {
    }

    static String render(String baseUrl, List<String> languages) {
        Element head = new Element("head").addContent(new Element("title").setText("Relais feeds"))
                .addContent(new Element("docs").setText("http://opml.org/spec2.opml"));
        Element body = new Element("body");
        for (String lang : languages) {
            String name = TargetLanguages.nativeName(lang);
            Element language = new Element("outline").setAttribute("text", name + " (" + lang + ")");
            for (FeedFormat format : List.of(FeedFormat.ATOM, FeedFormat.RSS)) {
                language.addContent(new Element("outline")
                        .setAttribute("type", "rss")
                        .setAttribute("text", "Relais — " + name + " (" + format.name() + ")")
                        .setAttribute("title", "Relais — " + name)
                        .setAttribute("language", lang)
                        .setAttribute("version", format == FeedFormat.ATOM ? "ATOM" : "RSS2")
                        .setAttribute("xmlUrl", baseUrl + "/feeds/" + lang + "/" + format.fileName())
                        .setAttribute("htmlUrl", baseUrl + "/feeds/" + lang + "/"));
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
