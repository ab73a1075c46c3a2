package io.relais.publish;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules the W3C Feed Validator (github.com/w3c/feedvalidator) applies to what Relais serves, written as checks a
 * test can run offline: each finding names the validator's message it stands for (errors and warnings alike, as the
 * online validator reports them), and the same rules for OPML 2.0 and, from its specification, JSON Feed 1.1.
 * {@link #check} returns the findings: an empty list is a clean document.
 */
public final class FeedRules {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String HISTORY = "http://purl.org/syndication/history/1.0";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

    /** Link relations the validator knows (link.py): any other is UnregisteredAtomLinkRel. */
    static final Set<String> RELS = Set.of("alternate", "current", "describedby", "edit", "edit-media", "enclosure",
            "first", "hub", "last", "license", "next", "next-archive", "payment", "prev-archive", "previous", "related",
            "replies", "self", "service", "via");

    /** validators.py rfc2822_re (the form that is not merely ProblematicalRFC822Date). */
    static final Pattern RFC_822 = Pattern.compile("(((Mon)|(Tue)|(Wed)|(Thu)|(Fri)|(Sat)|(Sun)), )?\\d\\d? ((Jan)|(Feb)|(Mar)|"
            + "(Apr)|(May)|(Jun)|(Jul)|(Aug)|(Sep)|(Oct)|(Nov)|(Dec)) \\d\\d\\d\\d \\d\\d:\\d\\d(:\\d\\d)? (([+-]?\\d\\d[03]0)|"
            + "(UT)|(GMT)|(EST)|(EDT)|(CST)|(CDT)|(MST)|(MDT)|(PST)|(PDT)|Z)");
    /** validators.py rfc3339 (a full date and time with a zone). */
    static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+( \\(.*\\))?");
    static final Pattern MIME = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    private final List<String> findings = new ArrayList<>();
    private final String location;
    private final Instant now = Instant.now();

    private FeedRules(String location) {
        this.location = location;
    }

    /** The findings for the document at {@code location} (its URL: self links must name it) with this text. */
    public static List<String> check(String location, String text) {
        FeedRules rules = new FeedRules(location);
        if (location.endsWith(".json")) {
            rules.jsonFeed(text);
        } else {
            rules.xml(text);
        }
        return rules.findings;
    }

    private void find(String message, String detail) {
        findings.add(message + ": " + detail);
    }

    // ------------------------------------------------------------------------------------------------------ XML

    private void xml(String text) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            find("SAXError", e.getMessage());
            return;
        }
        Element root = doc.getDocumentElement();
        if (!text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) {
            find("MissingEncoding", "no UTF-8 XML declaration");
        }
        namespaces(root);
        switch (root.getLocalName()) {
            case "rss" -> rss(root);
            case "feed" -> atom(root);
            case "opml" -> opml(root);
            default -> find("UndefinedElement", root.getLocalName());
        }
    }

    /** MediaRssNamespace, ReservedPrefix: the usual prefixes bound to their own namespaces. */
    private void namespaces(Element root) {
        Map<String, String> expected = Map.of("media", MEDIA, "atom", ATOM, "dc", DC, "content", CONTENT, "fh", HISTORY,
                "dcterms", DCTERMS, "at", TOMBSTONES);
        for (int i = 0; i < root.getAttributes().getLength(); i++) {
            Node a = root.getAttributes().item(i);
            if (a.getNodeName().startsWith("xmlns:")) {
                String prefix = a.getNodeName().substring(6);
                if (expected.containsKey(prefix) && !expected.get(prefix).equals(a.getNodeValue())) {
                    find("MediaRssNamespace/ReservedPrefix", prefix + " bound to " + a.getNodeValue());
                }
            }
        }
    }

    private void rss(Element rss) {
        if (!"2.0".equals(rss.getAttribute("version"))) {
            find("InvalidValue", "rss version " + rss.getAttribute("version"));
        }
        List<Element> channels = children(rss, null, "channel");
        if (channels.size() != 1) {
            find("MissingElement", "one channel");
            return;
        }
        Element channel = channels.get(0);
        for (String required : List.of("title", "link", "description")) {
            if (children(channel, null, required).size() != 1) {
                find("MissingElement/DuplicateElement", "channel " + required);
            }
        }
        absolute("InvalidURLAttribute", text(channel, null, "link"));
        language(text(channel, null, "language"));
        if (!children(channel, DC, "language").isEmpty()) {
            find("DuplicateSemantics", "channel language and dc:language");
        }
        for (String contact : List.of("managingEditor", "webMaster")) {
            String value = text(channel, null, contact);
            if (value != null && !EMAIL.matcher(value).matches()) {
                find("InvalidContact", contact + " " + value);
            }
        }
        rfc822(text(channel, null, "pubDate"), "channel pubDate");
        rfc822(text(channel, null, "lastBuildDate"), "channel lastBuildDate");
        if (!children(channel, DC, "date").isEmpty() && !children(channel, null, "pubDate").isEmpty()) {
            find("DuplicateSemantics", "channel pubDate and dc:date");
        }
        if (!children(channel, DCTERMS, "modified").isEmpty() && !children(channel, null, "lastBuildDate").isEmpty()) {
            find("DuplicateSemantics", "channel lastBuildDate and dcterms:modified");
        }
        List<Element> links = children(channel, ATOM, "link");
        links(links, true);
        archive(channel, links);
        Set<String> guids = new HashSet<>();
        for (Element item : children(channel, null, "item")) {
            rssItem(item, guids);
        }
    }

    private void rssItem(Element item, Set<String> guids) {
        String title = text(item, null, "title");
        if (title == null && children(item, null, "description").isEmpty()) {
            find("ItemMustContainTitleOrDescription", "item");
        }
        if (title != null) {
            noMarkup(title, "item title");
        }
        String guid = text(item, null, "guid");
        if (guid == null) {
            find("MissingGuid", "item " + title);
        } else if (!guids.add(guid)) {
            find("DuplicateValue", "guid " + guid);
        } else if (!"false".equals(children(item, null, "guid").get(0).getAttribute("isPermaLink"))) {
            absolute("InvalidHttpGUID", guid);
        }
        String link = text(item, null, "link");
        if (link != null) {
            absolute("InvalidFullLink", link);
        }
        List<String> order = new ArrayList<>();
        for (Element child : children(item, null, null)) {
            order.add((child.getNamespaceURI() == null ? "" : child.getNamespaceURI()) + " " + child.getLocalName());
        }
        int description = order.indexOf(" description");
        int encoded = order.indexOf(CONTENT + " encoded");
        if (encoded >= 0 && (description < 0 || description > encoded)) {
            find("NeedDescriptionBeforeContent", "item " + title);
        }
        if (description >= 0) {
            html(text(item, null, "description"), "item description");
        }
        if (encoded >= 0) {
            html(text(item, CONTENT, "encoded"), "content:encoded");
        }
        if (!children(item, null, "author").isEmpty()) {
            if (!children(item, DC, "creator").isEmpty()) {
                find("DuplicateItemSemantics", "author and dc:creator");
            }
            if (!EMAIL.matcher(text(item, null, "author")).matches()) {
                find("InvalidContact", "author " + text(item, null, "author"));
            }
        }
        if (!children(item, DC, "date").isEmpty()) {
            find("DuplicateItemSemantics", "pubDate and dc:date");
        }
        if (!children(item, ATOM, "published").isEmpty()) {
            find("DuplicateItemSemantics", "pubDate and atom:published");
        }
        rfc822(text(item, null, "pubDate"), "item pubDate");
        for (Element updated : children(item, ATOM, "updated")) {
            rfc3339(updated.getTextContent(), "item atom:updated");
        }
        for (Element category : children(item, null, "category")) {
            if (category.getTextContent().isBlank()) {
                find("NotBlank", "category");
            }
        }
        for (Element source : children(item, null, "source")) {
            absolute("InvalidURLAttribute", source.getAttribute("url"));
        }
        List<Element> enclosures = children(item, null, "enclosure");
        if (enclosures.size() > 1) {
            find("DuplicateEnclosure", "item " + title);
        }
        for (Element enclosure : enclosures) {
            absolute("InvalidURLAttribute", enclosure.getAttribute("url"));
            if (!enclosure.getAttribute("length").matches("[1-9]\\d*")) {
                find("InvalidIntegerAttribute (Relais: a known, positive length)", "enclosure length '" + enclosure.getAttribute("length") + "'");
            }
            if (!MIME.matcher(enclosure.getAttribute("type")).matches()) {
                find("InvalidMIMEAttribute", "enclosure type " + enclosure.getAttribute("type"));
            }
        }
        links(children(item, ATOM, "link"), false);
        media(item);
    }

    private void atom(Element feed) {
        if (feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang").isEmpty()) {
            find("MissingDCLanguage", "feed xml:lang");
        }
        for (String required : List.of("id", "title", "updated")) {
            if (children(feed, ATOM, required).size() != 1) {
                find("MissingElement/DuplicateElement", "feed " + required);
            }
        }
        uri(text(feed, ATOM, "id"), "feed id");
        rfc3339(text(feed, ATOM, "updated"), "feed updated");
        List<Element> links = children(feed, ATOM, "link");
        links(links, true);
        alternates(links, "feed");
        archive(feed, links);
        boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        Set<String> updates = new HashSet<>();
        for (Element entry : children(feed, ATOM, "entry")) {
            String id = text(entry, ATOM, "id");
            uri(id, "entry id");
            if (!ids.add(id)) {
                find("DuplicateEntries", id);
            }
            String updated = text(entry, ATOM, "updated");
            rfc3339(updated, "entry updated");
            if (updated != null && !updates.add(updated)) {
                find("DuplicateUpdated", id + " " + updated);
            }
            if (text(entry, ATOM, "title") == null) {
                find("MissingElement", "entry title");
            }
            if (!feedAuthor && children(entry, ATOM, "author").isEmpty()) {
                find("MissingElement", "entry author");
            }
            for (Element author : children(entry, ATOM, "author")) {
                if (text(author, ATOM, "name") == null) {
                    find("MissingElement", "author name");
                }
            }
            for (Element published : children(entry, ATOM, "published")) {
                rfc3339(published.getTextContent(), "entry published");
            }
            List<Element> entryLinks = children(entry, ATOM, "link");
            links(entryLinks, false);
            alternates(entryLinks, "entry " + id);
            List<Element> summary = children(entry, ATOM, "summary");
            List<Element> content = children(entry, ATOM, "content");
            if (content.isEmpty() && summary.isEmpty()) {
                find("MissingTextualContent", id);
            }
            if (content.isEmpty() && entryLinks.stream().noneMatch(l -> "alternate".equals(rel(l)))) {
                find("MissingContentOrAlternate", id);
            }
            for (Element textConstruct : concat(concat(summary, content), children(entry, ATOM, "title"))) {
                String type = textConstruct.getAttribute("type");
                if (type.isEmpty() || type.equals("text")) {
                    noMarkup(textConstruct.getTextContent(), "entry " + textConstruct.getLocalName() + " (text)");
                } else if (type.equals("html")) {
                    html(textConstruct.getTextContent(), "entry " + textConstruct.getLocalName());
                }
            }
            for (Element category : children(entry, ATOM, "category")) {
                if (category.getAttribute("term").isBlank()) {
                    find("MissingAttribute", "category term");
                }
            }
            media(entry);
        }
        tombstones(feed, ids);
    }

    /**
     * RFC 6721: each {@code at:deleted-entry} has a {@code ref} (an IRI: the id the entry had) and a {@code when}
     * (RFC 3339), names no entry the document still has, and stands among the feed's metadata, ahead of its entries
     * (RFC 4287's grammar: a feed's extension elements come before {@code atom:entry}).
     */
    private void tombstones(Element feed, Set<String> entryIds) {
        boolean entrySeen = false;
        Set<String> refs = new HashSet<>();
        for (Element child : children(feed, null, null)) {
            if (ATOM.equals(child.getNamespaceURI()) && "entry".equals(child.getLocalName())) {
                entrySeen = true;
            }
            if (!TOMBSTONES.equals(child.getNamespaceURI())) {
                continue;
            }
            if (!"deleted-entry".equals(child.getLocalName())) {
                find("UndefinedElement (RFC 6721)", child.getLocalName());
                continue;
            }
            String ref = child.getAttribute("ref");
            if (ref.isEmpty()) {
                find("MissingAttribute (RFC 6721)", "deleted-entry ref");
            } else {
                uri(ref, "deleted-entry ref");
            }
            if (child.getAttribute("when").isEmpty()) {
                find("MissingAttribute (RFC 6721)", "deleted-entry when");
            } else {
                rfc3339(child.getAttribute("when"), "deleted-entry when");
            }
            if (entryIds.contains(ref)) {
                find("DuplicateEntries (RFC 6721: an entry and its tombstone)", ref);
            }
            if (!refs.add(ref)) {
                find("DuplicateValue (RFC 6721)", "deleted-entry " + ref);
            }
            if (entrySeen) {
                find("UndefinedElement (RFC 4287: extension after entries)", "deleted-entry " + ref);
            }
        }
    }

    /** Link rels registered; self names this document; types and hrefs well formed. */
    private void links(List<Element> links, boolean feedLevel) {
        boolean self = false;
        for (Element link : links) {
            String rel = rel(link);
            if (!RELS.contains(rel)) {
                find("UnregisteredAtomLinkRel", rel);
            }
            String href = link.getAttribute("href");
            if (href.isEmpty()) {
                find("MissingHref", rel);
            } else {
                absolute("InvalidIRI", href);
            }
            if (!link.getAttribute("type").isEmpty() && !MIME.matcher(link.getAttribute("type")).matches()) {
                find("InvalidMIMEType", link.getAttribute("type"));
            }
            if (!link.getAttribute("hreflang").isEmpty()) {
                language(link.getAttribute("hreflang"));
            }
            if (rel.equals("self")) {
                self = true;
                if (!href.equals(location)) {
                    find("SelfDoesntMatchLocation", href + " at " + location);
                }
            }
        }
        if (feedLevel && !self) {
            find("MissingSelf", location);
        }
    }

    /** DuplicateAtomLink: one alternate per type and language. */
    private void alternates(List<Element> links, String where) {
        Set<String> seen = new HashSet<>();
        for (Element link : links) {
            if ("alternate".equals(rel(link)) && !seen.add(link.getAttribute("type") + "|" + link.getAttribute("hreflang"))) {
                find("DuplicateAtomLink", where);
            }
        }
    }

    /** ArchiveIncomplete: an archive page links to a neighbouring page; RFC 5005 also wants {@code current}. */
    private void archive(Element container, List<Element> links) {
        if (children(container, HISTORY, "archive").isEmpty()) {
            return;
        }
        if (links.stream().noneMatch(l -> rel(l).equals("prev-archive") || rel(l).equals("next-archive"))) {
            find("ArchiveIncomplete", location);
        }
        if (links.stream().noneMatch(l -> rel(l).equals("current"))) {
            find("MissingElement (RFC 5005)", "archive page without a current link");
        }
    }

    private void media(Element parent) {
        for (Element content : children(parent, MEDIA, "content")) {
            absolute("InvalidURLAttribute", content.getAttribute("url"));
            if (!content.getAttribute("type").isEmpty() && !MIME.matcher(content.getAttribute("type")).matches()) {
                find("InvalidMIMEAttribute", "media:content type");
            }
            if (!content.getAttribute("fileSize").isEmpty() && !content.getAttribute("fileSize").matches("\\d+")) {
                find("InvalidIntegerAttribute", "media:content fileSize");
            }
        }
    }

    private void opml(Element opml) {
        if (!List.of("1.0", "1.1", "2.0").contains(opml.getAttribute("version"))) {
            find("InvalidOPMLVersion", opml.getAttribute("version"));
        }
        List<Element> head = children(opml, null, "head");
        List<Element> body = children(opml, null, "body");
        if (head.size() != 1 || body.size() != 1) {
            find("MissingElement", "head and body");
            return;
        }
        Set<String> headElements = Set.of("title", "dateCreated", "dateModified", "ownerName", "ownerEmail", "ownerId",
                "expansionState", "vertScrollState", "windowTop", "windowLeft", "windowBottom", "windowRight");
        for (Element child : children(head.get(0), null, null)) {
            if (!headElements.contains(child.getLocalName())) {
                find("UndefinedElement", "head " + child.getLocalName());
            }
        }
        for (String date : List.of("dateCreated", "dateModified")) {
            rfc822(text(head.get(0), null, date), "head " + date);
        }
        NodeList outlines = body.get(0).getElementsByTagName("outline");
        if (outlines.getLength() == 0) {
            find("MissingElement", "outline");
        }
        Set<String> attributes = Set.of("category", "created", "description", "htmlUrl", "isBreakpoint", "isComment",
                "language", "text", "title", "type", "url", "version", "xmlUrl");
        for (int i = 0; i < outlines.getLength(); i++) {
            Element outline = (Element) outlines.item(i);
            for (int a = 0; a < outline.getAttributes().getLength(); a++) {
                if (!attributes.contains(outline.getAttributes().item(a).getNodeName())) {
                    find("UnexpectedAttribute", "outline " + outline.getAttributes().item(a).getNodeName());
                }
            }
            if (outline.getAttribute("text").isEmpty()) {
                find("MissingAttribute", "outline text");
            }
            if ("rss".equalsIgnoreCase(outline.getAttribute("type"))) {
                if (outline.getAttribute("xmlUrl").isEmpty()) {
                    find("MissingXmlURL", outline.getAttribute("text"));
                } else {
                    absolute("InvalidURLAttribute", outline.getAttribute("xmlUrl"));
                }
                if (outline.getAttribute("title").isEmpty()) {
                    find("MissingTitleAttr", outline.getAttribute("text"));
                }
            } else if (outline.getAttributes().getLength() > 1 && outline.getAttribute("type").isEmpty()
                    && (outline.hasAttribute("xmlUrl") || outline.hasAttribute("htmlUrl") || outline.hasAttribute("version"))) {
                find("MissingOutlineType", outline.getAttribute("text"));
            }
            if (outline.hasAttribute("version")
                    && !List.of("RSS", "RSS1", "RSS2", "scriptingNews").contains(outline.getAttribute("version"))) {
                find("InvalidOutlineVersion", outline.getAttribute("version"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- JSON Feed 1.1

    private static final Set<String> FEED_KEYS = Set.of("version", "title", "home_page_url", "feed_url", "description",
            "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "url", "external_url", "title", "content_html",
            "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments");

    private void jsonFeed(String text) {
        JsonNode feed;
        try {
            feed = JsonMapper.builder().build().readTree(text);
        } catch (Exception e) {
            find("JSON", e.getMessage());
            return;
        }
        if (!"https://jsonfeed.org/version/1.1".equals(feed.path("version").asString(""))) {
            find("JSON Feed version", feed.path("version").toString());
        }
        if (!feed.path("title").isString() || feed.path("title").asString().isBlank()) {
            find("JSON Feed title", "required");
        }
        keys(feed, FEED_KEYS, "feed");
        for (String url : List.of("home_page_url", "feed_url", "next_url")) {
            if (feed.has(url)) {
                absolute("JSON Feed " + url, feed.get(url).asString(""));
            }
        }
        if (feed.has("feed_url") && !feed.get("feed_url").asString().equals(location)) {
            find("JSON Feed feed_url", feed.get("feed_url").asString() + " at " + location);
        }
        for (JsonNode hub : feed.path("hubs")) {
            if (!hub.path("type").isString() || !hub.path("url").isString()) {
                find("JSON Feed hubs", hub.toString());
            }
        }
        authors(feed, "feed");
        if (!feed.path("items").isArray()) {
            find("JSON Feed items", "required array");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode item : feed.get("items")) {
            String id = item.path("id").isString() ? item.get("id").asString() : null;
            if (id == null || id.isBlank()) {
                find("JSON Feed item id", "a non-empty string is required");
            } else if (!ids.add(id)) {
                find("JSON Feed item id", "duplicate " + id);
            }
            keys(item, ITEM_KEYS, "item " + id);
            if (!item.has("content_html") && !item.has("content_text")) {
                find("JSON Feed item content", "content_html or content_text is required: " + id);
            }
            for (String url : List.of("url", "external_url", "image", "banner_image")) {
                if (item.has(url)) {
                    absolute("JSON Feed item " + url, item.get(url).asString(""));
                }
            }
            for (String date : List.of("date_published", "date_modified")) {
                if (item.has(date)) {
                    rfc3339(item.get(date).asString(""), "item " + date);
                }
            }
            for (JsonNode tag : item.path("tags")) {
                if (!tag.isString()) {
                    find("JSON Feed tags", "strings only");
                }
            }
            for (JsonNode attachment : item.path("attachments")) {
                if (!attachment.path("url").isString() || !attachment.path("mime_type").isString()) {
                    find("JSON Feed attachment", "url and mime_type are required");
                }
            }
            if (item.has("content_html")) {
                html(item.get("content_html").asString(), "content_html");
            }
            authors(item, "item " + id);
        }
    }

    /** Members the specification does not define must be extensions: their names start with an underscore. */
    private void keys(JsonNode object, Set<String> known, String where) {
        for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !name.startsWith("_")) {
                find("JSON Feed member", where + " " + name);
            }
        }
    }

    private void authors(JsonNode object, String where) {
        if (object.has("author")) {
            find("JSON Feed author", "1.1 uses authors: " + where);
        }
        for (JsonNode author : object.path("authors")) {
            if (!author.has("name") && !author.has("url") && !author.has("avatar")) {
                find("JSON Feed authors", where);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- values

    /** ImplausibleDate: before 1990 or more than a day ahead. */
    private void plausible(Instant time, String where) {
        if (time.isBefore(Instant.parse("1990-01-01T00:00:00Z")) || time.isAfter(now.plus(1, ChronoUnit.DAYS))) {
            find("ImplausibleDate", where + " " + time);
        }
    }

    private void rfc822(String value, String where) {
        if (value == null) {
            return;
        }
        if (!RFC_822.matcher(value).matches()) {
            find("InvalidRFC2822Date/ProblematicalRFC822Date", where + " " + value);
            return;
        }
        ZonedDateTime parsed = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        if (!parsed.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.US).equals(value.substring(0, 3))) {
            find("IncorrectDOW", where + " " + value);
        }
        plausible(parsed.toInstant(), where);
    }

    private void rfc3339(String value, String where) {
        if (value == null) {
            return;
        }
        if (!RFC_3339.matcher(value).matches()) {
            find("InvalidRFC3339Date", where + " " + value);
            return;
        }
        plausible(OffsetDateTime.parse(value).toInstant(), where);
    }

    private void absolute(String message, String url) {
        if (url == null || !url.matches("https?://[^\\s<>\"]+")) {
            find(message, String.valueOf(url));
        }
    }

    private void uri(String value, String where) {
        if (value == null || !value.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+")) {
            find("InvalidURI/InvalidFullLink", where + " " + value);
        }
    }

    private void language(String code) {
        if (code != null && !code.matches("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            find("InvalidLanguage", code);
        }
    }

    /** ContainsUndeclaredHTML / ContainsHTML: plain text that holds HTML end tags of known elements. */
    private void noMarkup(String text, String where) {
        if (text != null && Pattern.compile("</(p|a|b|i|em|strong|div|span|img|script|br|li|ul|h\\d)>", Pattern.CASE_INSENSITIVE)
                .matcher(text).find()) {
            find("ContainsUndeclaredHTML", where);
        }
    }

    /** ContainsRelRef, SecurityRisk: links and images absolute, nothing that runs. */
    private void html(String html, String where) {
        if (html == null) {
            return;
        }
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        for (org.jsoup.nodes.Element a : doc.select("a[href], img[src]")) {
            String ref = a.hasAttr("href") ? a.attr("href") : a.attr("src");
            if (!ref.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                find("ContainsRelRef", where + " " + ref);
            }
        }
        if (!doc.select("script, iframe, object, embed, form, style, meta, link").isEmpty()) {
            find("SecurityRisk", where + " " + doc.select("script, iframe, object, embed, form, style, meta, link").first().tagName());
        }
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute attribute : e.attributes()) {
                if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")
                        || attribute.getValue().toLowerCase(Locale.ROOT).strip().startsWith("javascript:")) {
                    find("SecurityRiskAttr", where + " " + attribute.getKey());
                }
            }
        }
    }

    private static String rel(Element link) {
        return link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Child elements of {@code parent} in namespace {@code ns} (null: none) named {@code name} (null: any). */
    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(e.getLocalName()))
                    && (name == null || java.util.Objects.equals(ns, e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
