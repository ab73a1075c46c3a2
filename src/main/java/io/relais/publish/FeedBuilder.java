package io.relais.publish;

import java.util.regex.Pattern;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.relais.article.Article;
import io.relais.translation.PublishedEntry;
import io.relais.translation.TargetLanguages;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a feed document: RSS 2.0 and Atom 1.0 element by element with JDOM, JSON Feed 1.1 with Jackson.
 *
 * <p>Written by hand rather than through Rome's generators because what partners' readers and the W3C Feed Validator
 * expect is precise and Rome's output is not: Rome adds Dublin Core duplicates the validator warns about ({@code
 * dc:date} beside {@code pubDate}, {@code dc:language} beside {@code language}, {@code dc:creator} beside {@code
 * atom:author}), writes a name as {@code managingEditor} (an error: it must be an e-mail address), puts {@code
 * description} after {@code content:encoded}, and has no place for {@code rel="via"} or per-entry {@code source}.
 * Rome still reads every document back in the tests.
 *
 * <p>Each entry: a stable id per language and article ({@code urn:relais:<lang>:article:<id>}: a correction updates
 * the same entry), the translated article page as its link, the French original as {@code via} (RSS: an {@code
 * atom:link rel="via"}, and {@code <source>} naming the French source when it has a web address; JSON Feed: {@code
 * external_url}), the real author (else the source's name), the first publication date (never later than the
 * entry's own update) and the date of this version ({@code updated}, moved by every correction; in RSS {@code
 * atom:updated}, and the {@code pubDate} itself only for a feed that asked for resurfacing), categories in the
 * feed's language with the French ones kept under their own scheme, the main image (enclosure only with a known
 * length; {@code media:content} always). A machine translation nobody reviewed says so in every format: a notice at
 * the top of its summary and content, a category, and in JSON Feed {@code _relais.machine_translation}. Text XML
 * cannot carry (control characters) is dropped, so hostile input still gives a well-formed document.
 */
@Component
public class FeedBuilder {

    static final String GENERATOR = "Relais";
    /** Where the categories of a language are: {@code urn:relais:categories:es}; the French source's under {@code :fr}. */
    static final String CATEGORY_SCHEME = "urn:relais:categories:";
    /** The category marking an unreviewed machine translation. */
    static final String TRANSLATION_SCHEME = "urn:relais:translation";
    static final String MACHINE_TRANSLATION = "machine-translation";

    private static final Logger log = LoggerFactory.getLogger(FeedBuilder.class);
    static final Namespace ATOM_NS = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace CONTENT = Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");
    static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");
    /** RFC 6721: an entry deleted from the feed, {@code <at:deleted-entry ref="…" when="…">}. */
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    /** RFC 822 dates as RFC 7231 writes them (two-digit day, GMT): what RSS readers and the validator expect. */
    static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    FeedBuilder(PublishSettings settings) {
        this(settings.baseUrl());
    }

    public FeedBuilder(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The public subscription document of a language with these entries. */
    public String render(String lang, List<PublishedEntry> entries, FeedFormat format) {
        return render(FeedView.of(lang, entries), format);
    }

    public String render(FeedView view, FeedFormat format) {
        try {
            return write(view, format);
        } catch (RuntimeException e) {
            // one entry that cannot be written must not take the whole feed down: leave it out, say why
            List<FeedView.Item> writable = new ArrayList<>();
            for (FeedView.Item item : view.items()) {
                try {
                    write(view.withItems(List.of(item)), format);
                    writable.add(item);
                } catch (RuntimeException bad) {
                    log.error("Entry urn:relais:{}:article:{} left out of the {} {} feed: {}", view.lang(),
                            item.entry().articleId(), view.lang(), format, bad.toString());
                }
            }
            return write(view.withItems(writable), format);
        }
    }

    private String write(FeedView view, FeedFormat format) {
        return switch (format) {
            case RSS -> xml(rss(view));
            case ATOM -> xml(atom(view));
            case JSON -> jsonFeed(view);
        };
    }

    /** The public page of an entry's translation. */
    public String pageUrl(PublishedEntry e) {
        return baseUrl + ArticleLinks.path(e.lang(), e.articleId(), e.title());
    }

    /** The French original: its own http(s) URL, or the page Relais serves for it. */
    public String originalUrl(PublishedEntry e) {
        return web(e.originalUrl()) != null ? web(e.originalUrl()) : baseUrl + ArticleLinks.path(Article.SOURCE_LANGUAGE, e.articleId(), e.originalTitle());
    }

    /** A stored link when it is http(s) (checked again here: stored data may predate the door's check). */
    private static String web(String link) {
        String url = link == null ? null : link.strip();
        return url != null && url.toLowerCase(Locale.ROOT).matches("https?://[^\\s]+") ? url : null;
    }

    // ---------------------------------------------------------------------------------------------------- RSS 2.0

    private Document rss(FeedView view) {
        String lang = view.lang();
        Element channel = new Element("channel");
        channel.addContent(text("title", view.documentTitle()));
        channel.addContent(text("link", htmlHome(lang)));
        channel.addContent(text("description", description(lang)));
        channel.addContent(text("language", lang));
        Instant updated = feedUpdated(view);
        channel.addContent(text("pubDate", RFC_822.format(updated)));
        channel.addContent(text("lastBuildDate", RFC_822.format(updated)));
        channel.addContent(text("generator", GENERATOR));
        channel.addContent(text("docs", "https://www.rssboard.org/rss-specification"));
        for (String[] link : documentLinks(view, FeedFormat.RSS)) {
            Element atomLink = new Element("link", ATOM).setAttribute("rel", link[0]).setAttribute("href", link[1]);
            if (link[2] != null) {
                atomLink.setAttribute("type", link[2]);
            }
            channel.addContent(atomLink);
        }
        if (view.isArchive()) {
            channel.addContent(new Element("archive", HISTORY));
        }
        for (FeedView.Item item : view.items()) {
            channel.addContent(rssItem(item));
        }
        Element rss = new Element("rss").setAttribute("version", "2.0").addContent(channel);
        rss.addNamespaceDeclaration(ATOM);
        rss.addNamespaceDeclaration(CONTENT);
        rss.addNamespaceDeclaration(DC);
        rss.addNamespaceDeclaration(MEDIA);
        if (view.isArchive()) {
            rss.addNamespaceDeclaration(HISTORY);
        }
        return new Document(rss);
    }

    private Element rssItem(FeedView.Item item) {
        PublishedEntry e = item.entry();
        Element it = new Element("item");
        it.addContent(text("title", plain(e.title())));
        it.addContent(text("link", pageUrl(e)));
        String summary = summaryText(e);
        String body = contentHtml(e);
        if (summary == null && body != null) {
            summary = shorten(Jsoup.parseBodyFragment(body).text());   // content:encoded needs a description before it
        }
        if (summary != null) {
            // summaries are plain text; RSS readers read <description> as HTML, so it is HTML-escaped first
            it.addContent(text("description", HtmlUtils.htmlEscape(plain(summary), "UTF-8")));
        }
        if (body != null) {
            it.addContent(new Element("encoded", CONTENT).addContent(XmlText.clean(body)));
        }
        it.addContent(new Element("creator", DC).setText(XmlText.clean(author(e))));
        for (Category c : categories(e)) {
            Element category = text("category", c.term());
            if (c.scheme() != null) {
                category.setAttribute("domain", c.scheme());
            }
            it.addContent(category);
        }
        it.addContent(text("guid", entryId(e)).setAttribute("isPermaLink", "false"));
        it.addContent(text("pubDate", RFC_822.format(item.resurface() ? updated(e) : published(e))));
        it.addContent(new Element("updated", ATOM).setText(rfc3339(updated(e))));
        String source = web(e.sourceUrl());
        if (source != null && e.sourceName() != null && !e.sourceName().isBlank()) {
            it.addContent(text("source", e.sourceName()).setAttribute("url", source));
        }
        it.addContent(via(e, ATOM));
        Image image = image(e);
        if (image != null) {
            if (image.length() > 0) {
                it.addContent(new Element("enclosure").setAttribute("url", image.url())
                        .setAttribute("length", Long.toString(image.length())).setAttribute("type", image.type()));
            }
            it.addContent(mediaContent(image));
        }
        return it;
    }

    // --------------------------------------------------------------------------------------------------- Atom 1.0

    private Document atom(FeedView view) {
        String lang = view.lang();
        Element feed = new Element("feed", ATOM_NS);
        feed.setAttribute("lang", lang, Namespace.XML_NAMESPACE);
        feed.addContent(atomText("id", view.documentId()));
        feed.addContent(atomText("title", view.documentTitle()).setAttribute("type", "text"));
        feed.addContent(atomText("subtitle", description(lang)).setAttribute("type", "text"));
        feed.addContent(atomText("updated", rfc3339(feedUpdated(view))));
        feed.addContent(new Element("link", ATOM_NS).setAttribute("rel", "alternate").setAttribute("type", "text/html")
                .setAttribute("hreflang", lang).setAttribute("href", htmlHome(lang)));
        for (String[] link : documentLinks(view, FeedFormat.ATOM)) {
            Element l = new Element("link", ATOM_NS).setAttribute("rel", link[0]).setAttribute("href", link[1]);
            if (link[2] != null) {
                l.setAttribute("type", link[2]);
            }
            feed.addContent(l);
        }
        feed.addContent(atomText("generator", GENERATOR).setAttribute("uri", baseUrl + "/feeds/"));
        if (view.isArchive()) {
            feed.addNamespaceDeclaration(HISTORY);
            feed.addContent(new Element("archive", HISTORY));
        }
        feed.addNamespaceDeclaration(MEDIA);
        if (!view.withdrawals().isEmpty()) {
            // before the entries: RFC 4287's grammar puts a feed's extension elements ahead of its entries
            feed.addNamespaceDeclaration(TOMBSTONES);
            for (FeedView.Withdrawal withdrawal : view.withdrawals()) {
                feed.addContent(tombstone(view, withdrawal));
            }
        }
        Set<String> updatedValues = new HashSet<>();
        for (FeedView.Item item : view.items()) {
            feed.addContent(atomEntry(item.entry(), updatedValues));
        }
        return new Document(feed);
    }

    private Element atomEntry(PublishedEntry e, Set<String> updatedValues) {
        Element entry = new Element("entry", ATOM_NS);
        entry.addContent(atomText("id", entryId(e)));
        entry.addContent(atomText("title", plain(e.title())).setAttribute("type", "text"));
        entry.addContent(atomText("updated", distinct(updated(e), updatedValues)));
        entry.addContent(atomText("published", rfc3339(published(e))));
        entry.addContent(new Element("author", ATOM_NS).addContent(atomText("name", author(e))));
        entry.addContent(new Element("link", ATOM_NS).setAttribute("rel", "alternate").setAttribute("type", "text/html")
                .setAttribute("hreflang", e.lang()).setAttribute("href", pageUrl(e)));
        entry.addContent(via(e, ATOM_NS));
        Image image = image(e);
        if (image != null) {
            Element enclosure = new Element("link", ATOM_NS).setAttribute("rel", "enclosure")
                    .setAttribute("type", image.type()).setAttribute("href", image.url());
            if (image.length() > 0) {
                enclosure.setAttribute("length", Long.toString(image.length()));
            }
            entry.addContent(enclosure);
        }
        for (Category c : categories(e)) {
            Element category = new Element("category", ATOM_NS).setAttribute("term", XmlText.clean(c.term()));
            if (c.scheme() != null) {
                category.setAttribute("scheme", c.scheme());
            }
            if (c.label() != null) {
                category.setAttribute("label", XmlText.clean(c.label()));
            }
            entry.addContent(category);
        }
        String summary = summaryText(e);
        String body = contentHtml(e);
        if (summary == null && body == null) {
            summary = e.title();   // a title-only entry still has text a reader can show (Atom asks for some)
        }
        if (summary != null) {
            entry.addContent(atomText("summary", plain(summary)).setAttribute("type", "text"));
        }
        if (body != null) {
            entry.addContent(atomText("content", body).setAttribute("type", "html"));
        }
        if (image != null) {
            entry.addContent(mediaContent(image));
        }
        return entry;
    }

    /**
     * An entry withdrawn from the feed (RFC 6721): the id it had while published and when it left, with a comment in
     * the feed's language; nothing of its text.
     */
    private static Element tombstone(FeedView view, FeedView.Withdrawal withdrawal) {
        return new Element("deleted-entry", TOMBSTONES).setAttribute("ref", view.entryId(withdrawal.articleId()))
                .setAttribute("when", rfc3339(withdrawal.at()))
                .addContent(new Element("comment", TOMBSTONES).setText(PublicTexts.get(view.lang(), "feed.withdrawn")));
    }

    /** The French original as the entry's {@code via} link (Atom; in RSS the same element in the Atom namespace). */
    private Element via(PublishedEntry e, Namespace ns) {
        Element via = new Element("link", ns).setAttribute("rel", "via").setAttribute("type", "text/html")
                .setAttribute("hreflang", Article.SOURCE_LANGUAGE).setAttribute("href", originalUrl(e));
        if (e.originalTitle() != null && !e.originalTitle().isBlank()) {
            via.setAttribute("title", XmlText.clean(e.originalTitle()));
        }
        return via;
    }

    /**
     * An entry's {@code updated}, unique within the document: two entries with the same value are the same instant
     * to a reader (the validator warns); two translations stored within the same millisecond are written a millisecond
     * apart, in document order.
     */
    private static String distinct(Instant updated, Set<String> taken) {
        Instant at = updated;
        while (!taken.add(rfc3339(at))) {
            at = at.truncatedTo(ChronoUnit.MILLIS).plus(1, ChronoUnit.MILLIS);
        }
        return rfc3339(at);
    }

    // ----------------------------------------------------------------------------------------------- JSON Feed 1.1

    /** The same document as JSON Feed 1.1, with Relais's translation details in an {@code _relais} extension. */
    private String jsonFeed(FeedView view) {
        String lang = view.lang();
        List<JsonFeedDocument.Item> items = new ArrayList<>();
        for (FeedView.Item item : view.items()) {
            PublishedEntry e = item.entry();
            String html = contentHtml(e);
            String summary = summaryText(e);
            Image image = image(e);
            List<String> tags = categories(e).stream().filter(c -> c.scheme() != null && c.scheme().equals(CATEGORY_SCHEME + lang))
                    .map(Category::term).toList();
            items.add(new JsonFeedDocument.Item(entryId(e), pageUrl(e), originalUrl(e), e.title(), html,
                    html != null ? null : summary != null ? summary : e.title(), summary,
                    image == null ? null : image.url(),
                    rfc3339(published(e)), rfc3339(updated(e)),
                    List.of(new JsonFeedDocument.Author(author(e))),
                    tags.isEmpty() ? null : tags, e.lang(),
                    image == null || image.length() <= 0 ? null
                            : List.of(new JsonFeedDocument.Attachment(image.url(), image.type(), image.length())),
                    new JsonFeedDocument.Translation(e.originalTitle(), Article.SOURCE_LANGUAGE, originalUrl(e), pageUrl(e), e.revision(),
                            e.engine(), e.route(), e.qualityScore(), e.state().name(), e.reviewed(), !e.reviewed(),
                            e.categories().isEmpty() ? null : e.categories())));
        }
        JsonFeedDocument feed = new JsonFeedDocument(JsonFeedDocument.VERSION, view.documentTitle(), htmlHome(lang),
                baseUrl + view.path(FeedFormat.JSON), description(lang), lang,
                !view.isArchive() && !view.hubs().isEmpty()
                        ? view.hubs().stream().map(h -> new JsonFeedDocument.Hub("WebSub", h)).toList() : null,
                // JSON Feed paginates towards older items: the subscription document's next page is the newest archive
                view.prevArchive() > 0 ? baseUrl + view.archivePath(view.prevArchive(), FeedFormat.JSON) : null,
                view.isArchive() ? Boolean.TRUE : null,   // RFC 5005's fh:archive: the page will never update again
                // what left the feed lately, for partners that mirror it (an archive page never changes: none there)
                view.isArchive() ? null : new JsonFeedDocument.Extension(view.withdrawals().stream()
                        .map(w -> new JsonFeedDocument.Withdrawn(view.entryId(w.articleId()), rfc3339(w.at()))).toList()),
                items);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(feed);
    }

    // -------------------------------------------------------------------------------------------------- the parts

    /**
     * Links of a document besides its HTML page: self, WebSub hubs (subscription documents), and RFC 5005 archive
     * navigation — {@code prev-archive} to the older page; on archive pages {@code current} and {@code next-archive}
     * to the following page, from the start: the page's links never change, and until the following page is complete
     * its address leads to the subscription document (which holds the newer entries).
     */
    private List<String[]> documentLinks(FeedView view, FeedFormat format) {
        List<String[]> links = new ArrayList<>();
        links.add(new String[] {"self", baseUrl + view.path(format), format.mediaType()});
        if (!view.isArchive()) {
            view.hubs().forEach(hub -> links.add(new String[] {"hub", hub, null}));
        } else {
            links.add(new String[] {"current", baseUrl + view.feedPath() + "/" + format.fileName(), format.mediaType()});
        }
        if (view.prevArchive() > 0) {
            links.add(new String[] {"prev-archive", baseUrl + view.archivePath(view.prevArchive(), format), format.mediaType()});
        }
        if (view.isArchive()) {
            links.add(new String[] {"next-archive", baseUrl + view.archivePath(view.archive() + 1, format), format.mediaType()});
        }
        return links;
    }

    /**
     * A feed's date: its newest entry's update or withdrawal (a withdrawal changes the feed: its date does not go back
     * to the entry before), or when the feed began (never 1970).
     */
    private static Instant feedUpdated(FeedView view) {
        Instant newest = null;
        for (PublishedEntry e : view.entries()) {
            Instant u = updated(e);
            newest = newest == null || u.isAfter(newest) ? u : newest;
        }
        for (FeedView.Withdrawal w : view.withdrawals()) {
            newest = newest == null || w.at().isAfter(newest) ? w.at() : newest;
        }
        if (newest != null) {
            return newest;
        }
        return view.since() != null ? view.since() : Instant.parse("2026-01-01T00:00:00Z");
    }

    static String entryId(PublishedEntry e) {
        return entryId(e.lang(), e.articleId());
    }

    /** The id of an article's entry in a feed of {@code lang}, the same in every feed and format. */
    static String entryId(String lang, long articleId) {
        return "urn:relais:" + lang + ":article:" + articleId;
    }

    /** When this version was written. */
    public static Instant updated(PublishedEntry e) {
        return (e.updatedAt() != null ? e.updatedAt() : e.publishedAt()).toInstant();
    }

    /** When the original was first published, never after this version (a date in the future is a wrong clock). */
    public static Instant published(PublishedEntry e) {
        Instant updated = updated(e);
        Instant published = e.publishedAt() != null ? e.publishedAt().toInstant() : updated;
        return published.isAfter(updated) ? updated : published;
    }

    /** The article's author, else the source that published it; never Relais. */
    static String author(PublishedEntry e) {
        String author = XmlText.clean(e.author());
        if (author != null && !author.isBlank()) {
            return author.strip();
        }
        String source = XmlText.clean(e.sourceName());
        return source != null && !source.isBlank() ? source.strip() : "—";
    }

    /** The HTML content: the machine-translation notice (unreviewed), then the text; none without a body. */
    String contentHtml(PublishedEntry e) {
        if (e.body() == null) {
            return null;
        }
        if (e.reviewed()) {
            return e.body();
        }
        return "<p class=\"relais-machine-translation\"><em>" + Entities.escape(PublicTexts.machineNotice(e.lang()))
                + "</em></p>\n" + e.body();
    }

    /** The plain-text summary, with the notice first for an unreviewed machine translation. */
    String summaryText(PublishedEntry e) {
        String summary = e.summary() == null || e.summary().isBlank() ? null : e.summary();
        if (e.reviewed()) {
            return summary;
        }
        String notice = PublicTexts.machineNotice(e.lang());
        return summary == null ? notice : notice + " " + summary;
    }

    /**
     * Plain text as feed readers take it: without anything shaped like an HTML tag. Readers show an RSS title or a
     * text summary as text or as HTML, they cannot tell which, and the validator rightly warns about both readings; a
     * tag in a news title is debris (the door already turned real markup into text), so it is left out.
     */
    static String plain(String text) {
        return text == null ? null : TAG.matcher(text).replaceAll("").replaceAll("\\s{2,}", " ").strip();
    }

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");

    /** A category of an entry: its term, the scheme it belongs to, and a label to show when the term is a code. */
    record Category(String term, String scheme, String label) {
    }

    /**
     * The entry's categories: in its language where publishing translated them, each French one kept under the
     * French scheme, and the machine-translation marker for an unreviewed entry.
     */
    List<Category> categories(PublishedEntry e) {
        List<Category> out = new ArrayList<>();
        Map<String, String> translated = e.translatedCategories();
        for (String french : e.categories()) {
            String term = translated.get(french);
            if (term != null && !term.isBlank()) {
                out.add(new Category(term, CATEGORY_SCHEME + e.lang(), null));
            }
        }
        for (String french : e.categories()) {
            out.add(new Category(french, CATEGORY_SCHEME + Article.SOURCE_LANGUAGE, null));
        }
        if (!e.reviewed()) {
            out.add(new Category(MACHINE_TRANSLATION, TRANSLATION_SCHEME, PublicTexts.get(e.lang(), "machine.label")));
        }
        return out;
    }

    /** The entry's main image and what is known of it. */
    record Image(String url, String type, long length) {
    }

    /** The first image of the body: what readers show next to the entry. */
    private static Image image(PublishedEntry e) {
        String url = mainImage(e.body());
        if (url == null) {
            return null;
        }
        PublishedEntry.MainImage measured = e.mainImage();
        if (measured != null && measured.url().equals(url)) {
            return new Image(url, measured.type() != null ? measured.type() : imageType(url), measured.length());
        }
        return new Image(url, imageType(url), 0);
    }

    private static Element mediaContent(Image image) {
        Element media = new Element("content", MEDIA).setAttribute("url", image.url()).setAttribute("medium", "image")
                .setAttribute("type", image.type());
        if (image.length() > 0) {
            media.setAttribute("fileSize", Long.toString(image.length()));
        }
        return media;
    }

    static String mainImage(String html) {
        if (html == null || html.isEmpty()) {
            return null;
        }
        org.jsoup.nodes.Element img = Jsoup.parseBodyFragment(html).selectFirst("img[src]");
        if (img == null) {
            return null;
        }
        return web(img.attr("src"));
    }

    static String imageType(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "image/jpeg";
    }

    private static String shorten(String text) {
        return Presentation.shorten(text);
    }

    private static String description(String lang) {
        return "French news translated into " + TargetLanguages.englishName(lang)
                + " by Relais (machine translation checked by LanguageTool; reviewed by editors)";
    }

    /** The language's HTML page: newest articles with links to their pages and to the feeds. */
    private String htmlHome(String lang) {
        return baseUrl + "/feeds/" + lang + "/";
    }

    public static String title(String lang) {
        return "Relais — " + TargetLanguages.nativeName(lang);
    }

    /**
     * RFC 3339 as Atom writes it: UTC, to the millisecond at most (the fraction only when there is one). Finer is
     * legal but misread: Rome, for one, takes {@code .742123} for 742,123 milliseconds.
     */
    static String rfc3339(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    private static Element text(String name, String value) {
        return new Element(name).setText(XmlText.clean(value == null ? "" : value));
    }

    private static Element atomText(String name, String value) {
        return new Element(name, ATOM_NS).setText(XmlText.clean(value == null ? "" : value));
    }

    private static String xml(Document document) {
        try {
            StringWriter out = new StringWriter();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX))
                    .output(document, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
