package io.relais.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import io.relais.article.Article;
import io.relais.translation.PublishedEntry;
import io.relais.translation.TargetLanguages;
import io.relais.publish.FeedView.ContentMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a feed document with Rome (Jackson for JSON Feed). Entry ids are stable per language and article
 * ({@code urn:relais:<lang>:article:<id>}), so a correction updates the same entry with a new {@code updated} date.
 * Every entry links to the original when it has a URL, else to the public page of the translation, and always
 * carries that page as an alternate. Documents carry {@code self}, {@code alternate}, WebSub {@code hub} and RFC 5005
 * archive links, {@code xml:lang}, the main image ({@code media:content} and enclosure) and the source's categories.
 * Text that XML cannot carry (control characters) is dropped, so hostile input still gives a well-formed document.
 */
@Component
public class FeedBuilder {

    static final String GENERATOR = "Relais";
    private static final Logger log = LoggerFactory.getLogger(FeedBuilder.class);
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

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
        if (format == FeedFormat.JSON) {
            return jsonFeed(view);
        }
        try {
            return xml(view, format);
        } catch (RuntimeException e) {
            // one entry that cannot be written must not take the whole feed down: leave it out, say why
            List<PublishedEntry> writable = new ArrayList<>();
            for (PublishedEntry entry : view.entries()) {
                try {
                    xml(withEntries(view, List.of(entry)), format);
                    writable.add(entry);
                } catch (RuntimeException bad) {
                    log.error("Entry urn:relais:{}:article:{} left out of the {} {} feed: {}", view.lang(),
                            entry.articleId(), view.lang(), format, bad.getMessage());
                }
            }
            return xml(withEntries(view, writable), format);
        }
    }

    private static FeedView withEntries(FeedView view, List<PublishedEntry> entries) {
        return new FeedView(view.lang(), entries, view.feedPath(), view.archive(), view.prevArchive(), view.nextArchive(),
                view.hubs(), view.content(), view.bilingual());
    }

    private String xml(FeedView view, FeedFormat format) {
        try {
            Document document = new SyndFeedOutput().outputJDom(build(view, format));
            addFeedConventions(document, view, format);
            StringWriter out = new StringWriter();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX)).output(document, out);
            return out.toString();
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + view.lang() + " " + format + " feed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public page of an entry's translation. */
    public String pageUrl(PublishedEntry e) {
        return baseUrl + ArticleLinks.path(e.lang(), e.articleId(), e.title());
    }

    /** The French original: its own http(s) URL, or the page Relais serves for it. */
    public String originalUrl(PublishedEntry e) {
        return web(e) != null ? web(e) : baseUrl + ArticleLinks.path(Article.SOURCE_LANGUAGE, e.articleId(), e.originalTitle());
    }

    /** The original's own link when it is http(s) (checked again here: stored data may predate the door's check). */
    private static String web(PublishedEntry e) {
        String url = e.originalUrl() == null ? null : e.originalUrl().strip();
        return url != null && url.toLowerCase(Locale.ROOT).matches("https?://.+") ? url : null;
    }

    SyndFeed build(FeedView view, FeedFormat format) {
        String lang = view.lang();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setEncoding("UTF-8");
        feed.setTitle(title(lang) + (view.isArchive() ? " (archive " + view.archive() + ")" : ""));
        feed.setDescription("French news translated into " + TargetLanguages.englishName(lang)
                + " by Relais (machine translation, checked by LanguageTool; doubtful translations reviewed by editors)");
        feed.setLanguage(lang);
        feed.setUri("urn:relais:feed:" + lang + (view.isArchive() ? ":archive:" + view.archive() : ""));
        feed.setLink(htmlHome(lang));
        feed.setGenerator(GENERATOR);
        feed.setAuthors(List.of(person(GENERATOR)));
        if (format == FeedFormat.ATOM) {
            feed.setLinks(links(view, format));
        }
        feed.setPublishedDate(view.entries().stream().map(PublishedEntry::updatedAt).max(OffsetDateTime::compareTo)
                .map(FeedBuilder::date).orElse(new Date(0)));
        List<SyndEntry> items = new ArrayList<>();
        for (PublishedEntry e : view.entries()) {
            items.add(entry(e, view, format));
        }
        feed.setEntries(items);
        return feed;
    }

    /** Links of a document: self, the HTML page of its language, hubs, and archive navigation. */
    private List<SyndLink> links(FeedView view, FeedFormat format) {
        List<SyndLink> links = new ArrayList<>();
        links.add(link("self", baseUrl + view.path(format), format.mediaType(), null));
        links.add(link("alternate", htmlHome(view.lang()), "text/html", view.lang()));
        if (!view.isArchive()) {
            view.hubs().forEach(hub -> links.add(link("hub", hub, null, null)));
        } else {
            links.add(link("current", baseUrl + view.feedPath() + "/" + format.fileName(), format.mediaType(), null));
        }
        if (view.prevArchive() > 0) {
            links.add(link("prev-archive", baseUrl + view.archivePath(view.prevArchive(), format), format.mediaType(), null));
        }
        if (view.nextArchive() > 0) {
            links.add(link("next-archive", baseUrl + view.archivePath(view.nextArchive(), format), format.mediaType(), null));
        }
        return links;
    }

    /** What Rome cannot say itself: {@code xml:lang}, RSS's {@code atom:link}s and the archive marker. */
    private void addFeedConventions(Document document, FeedView view, FeedFormat format) {
        Element root = document.getRootElement();
        root.setAttribute("lang", view.lang(), Namespace.XML_NAMESPACE);
        Element container = root;
        if (format == FeedFormat.RSS) {
            root.addNamespaceDeclaration(ATOM);
            container = root.getChild("channel");
            int at = container.indexOf(container.getChild("description")) + 1;
            for (SyndLink l : links(view, format)) {
                if ("alternate".equals(l.getRel())) {
                    continue; // the channel's <link>
                }
                Element link = new Element("link", ATOM).setAttribute("rel", l.getRel()).setAttribute("href", l.getHref());
                if (l.getType() != null) {
                    link.setAttribute("type", l.getType());
                }
                container.addContent(at++, link);
            }
        }
        if (view.isArchive()) {
            root.addNamespaceDeclaration(HISTORY);
            container.addContent(format == FeedFormat.RSS ? container.indexOf(container.getChild("description")) + 1 : 0,
                    new Element("archive", HISTORY));
        }
    }

    private SyndEntry entry(PublishedEntry e, FeedView view, FeedFormat format) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:relais:" + e.lang() + ":article:" + e.articleId());
        entry.setTitle(XmlText.clean(e.title()));
        String page = pageUrl(e);
        entry.setLink(web(e) != null ? web(e) : page);
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", page, "text/html", e.lang()));
        SyndLink original = link("alternate", originalUrl(e), "text/html", Article.SOURCE_LANGUAGE);
        original.setTitle(XmlText.clean(e.originalTitle()));
        links.add(original);
        entry.setLinks(links);

        String body = XmlText.clean(contentHtml(e, view));
        if (body != null) {
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(body);
            entry.setContents(List.of(content));
        }
        String summary = XmlText.clean(summaryText(e, view));
        if (summary != null) {
            // summaries are plain text; RSS readers read <description> as HTML, so there it is HTML-escaped first
            SyndContent description = new SyndContentImpl();
            description.setType(format == FeedFormat.RSS ? "html" : "text");
            description.setValue(format == FeedFormat.RSS ? HtmlUtils.htmlEscape(summary, "UTF-8") : summary);
            entry.setDescription(description);
        }
        String author = e.author() != null && !XmlText.clean(e.author()).isBlank() ? XmlText.clean(e.author()) : GENERATOR;
        entry.setAuthors(List.of(person(author)));
        entry.setAuthor(author);   // RSS 2.0 has no author name element: Rome writes it as dc:creator
        entry.setPublishedDate(e.publishedAt() != null ? date(e.publishedAt()) : date(e.updatedAt()));
        entry.setUpdatedDate(date(e.updatedAt()));
        List<SyndCategory> categories = new ArrayList<>();
        for (String name : e.categories()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(XmlText.clean(name));
            categories.add(category);
        }
        entry.setCategories(categories);
        String image = mainImage(e.body());
        if (image != null && view.content() == ContentMode.FULL) {
            addImage(entry, image);
        }
        return entry;
    }

    /** The main image as an enclosure (RSS {@code <enclosure>}, Atom {@code rel="enclosure"}) and as {@code media:content}. */
    private static void addImage(SyndEntry entry, String image) {
        {
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(image);
            enclosure.setType(imageType(image));
            enclosure.setLength(0);
            entry.setEnclosures(List.of(enclosure));
            MediaContent media;
            try {
                media = new MediaContent(new UrlReference(image));
            } catch (URISyntaxException notAUri) {
                return;
            }
            media.setMedium("image");
            media.setType(imageType(image));
            media.setMetadata(new Metadata());
            MediaEntryModuleImpl module = new MediaEntryModuleImpl();
            module.setMediaContents(new MediaContent[] {media});
            entry.getModules().add(module);
        }
    }

    /** The HTML an entry carries: the translation, then (bilingual) the French original; none for title-only. */
    String contentHtml(PublishedEntry e, FeedView view) {
        if (view.content() != ContentMode.FULL) {
            return null;
        }
        if (!view.bilingual() || e.originalBody() == null) {
            return e.body();
        }
        return e.body() + "\n<hr/>\n<div lang=\"fr\" class=\"relais-original\"><p><strong>"
                + Entities.escape(e.originalTitle() == null ? "" : e.originalTitle())
                + "</strong> (français, original)</p>\n" + e.originalBody() + "</div>";
    }

    /** The plain-text summary: the translated lead (or the start of the text), then (bilingual) the French one. */
    String summaryText(PublishedEntry e, FeedView view) {
        String lead = e.summary() != null ? e.summary()
                : view.content() == ContentMode.SUMMARY ? shorten(Jsoup.parseBodyFragment(e.body() == null ? "" : e.body()).text()) : null;
        if (!view.bilingual()) {
            return view.content() == ContentMode.TITLE ? null : lead;
        }
        String original = view.content() == ContentMode.TITLE ? e.originalTitle()
                : e.originalSummary() != null ? e.originalSummary()
                : view.content() == ContentMode.SUMMARY ? shorten(Jsoup.parseBodyFragment(e.originalBody() == null ? "" : e.originalBody()).text())
                : e.originalTitle();
        String translated = view.content() == ContentMode.TITLE ? null : lead;
        return translated == null ? "(fr) " + original : translated + "\n\n(fr) " + original;
    }

    private static String shorten(String text) {
        if (text.length() <= 300) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 300);
        return text.substring(0, cut > 200 ? cut : 300) + " …";
    }

    /** The first image of the translated body: what readers show next to the entry. */
    static String mainImage(String html) {
        if (html == null || html.isEmpty()) {
            return null;
        }
        org.jsoup.nodes.Element img = Jsoup.parseBodyFragment(html).selectFirst("img[src]");
        if (img == null) {
            return null;
        }
        String src = img.attr("src");
        return src.startsWith("http://") || src.startsWith("https://") ? src : null;
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

    /** The same document as JSON Feed 1.1, with Relais's translation details in an {@code _relais} extension. */
    private String jsonFeed(FeedView view) {
        String lang = view.lang();
        List<JsonFeedDocument.Item> items = new ArrayList<>();
        for (PublishedEntry e : view.entries()) {
            String html = contentHtml(e, view);
            String summary = summaryText(e, view);
            String image = mainImage(e.body());
            items.add(new JsonFeedDocument.Item("urn:relais:" + e.lang() + ":article:" + e.articleId(),
                    web(e) != null ? web(e) : pageUrl(e), e.title(), html,
                    html != null ? null : summary != null ? summary : e.title(), summary,
                    view.content() == ContentMode.FULL ? image : null,
                    (e.publishedAt() != null ? e.publishedAt() : e.updatedAt()).toInstant().toString(),
                    e.updatedAt().toInstant().toString(),
                    List.of(new JsonFeedDocument.Author(e.author() != null ? e.author() : GENERATOR)),
                    e.categories().isEmpty() ? null : e.categories(), e.lang(),
                    new JsonFeedDocument.Translation(e.originalTitle(), Article.SOURCE_LANGUAGE, originalUrl(e), pageUrl(e), e.revision(),
                            e.engine(), e.route(), e.qualityScore(), e.state().name(), e.reviewed())));
        }
        JsonFeedDocument feed = new JsonFeedDocument(JsonFeedDocument.VERSION,
                title(lang) + (view.isArchive() ? " (archive " + view.archive() + ")" : ""), htmlHome(lang),
                baseUrl + view.path(FeedFormat.JSON),
                "French news translated into " + TargetLanguages.englishName(lang) + " by Relais", lang,
                List.of(new JsonFeedDocument.Author(GENERATOR)),
                !view.isArchive() && !view.hubs().isEmpty()
                        ? view.hubs().stream().map(h -> new JsonFeedDocument.Hub("WebSub", h)).toList() : null,
                // JSON Feed paginates towards older items: the subscription document's next page is the newest archive
                view.prevArchive() > 0 ? baseUrl + view.archivePath(view.prevArchive(), FeedFormat.JSON) : null,
                items);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(feed);
    }

    /** The language's HTML page: newest articles with links to their pages and to the feeds. */
    private String htmlHome(String lang) {
        return baseUrl + "/feeds/" + lang + "/";
    }

    static String title(String lang) {
        return "Relais — " + TargetLanguages.nativeName(lang);
    }

    private static SyndLink link(String rel, String href, String type, String hreflang) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setHreflang(hreflang);
        return link;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
