package io.relais.publish;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A JSON Feed 1.1 document (jsonfeed.org/version/1.1) as {@link FeedBuilder} writes it, with Relais's translation
 * details in the {@code _relais} extension. Optional members are left out when absent; the extension's members are
 * always written (a missing score or route is {@code null}), so readers see every key. {@code url} is the translated
 * article page, {@code external_url} the French original. An archive page is {@code expired}: it never changes, and
 * JSON Feed readers need not poll it again. A subscription document's own {@code _relais} lists the items withdrawn
 * lately ({@link Extension}).
 */
record JsonFeedDocument(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        String language,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Hub> hubs,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("next_url") String nextUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean expired,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("_relais") Extension relais,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    /**
     * The feed's own {@code _relais} extension (JSON Feed 1.1: a member starting with an underscore), in subscription
     * documents only: the entries withdrawn lately (JSON Feed has no way of its own to say an item was deleted).
     */
    record Extension(List<Withdrawn> withdrawn) {
    }

    /** An item withdrawn from the feed: the id it had while published, and when it left. */
    record Withdrawn(String id, @JsonProperty("date_withdrawn") String dateWithdrawn) {
    }

    record Author(String name) {
    }

    record Hub(String type, String url) {
    }

    record Attachment(String url, @JsonProperty("mime_type") String mimeType,
                      @JsonProperty("size_in_bytes") long sizeInBytes) {
    }

    record Item(
            String id,
            String url,
            @JsonProperty("external_url") String externalUrl,
            String title,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("content_html") String contentHtml,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("content_text") String contentText,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summary,
            @JsonInclude(JsonInclude.Include.NON_NULL) String image,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags,
            String language,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Attachment> attachments,
            @JsonProperty("_relais") Translation relais) {
    }

    /** Where the entry came from and how it was translated; {@code machine_translation}: nobody reviewed it. */
    record Translation(
            @JsonProperty("original_title") String originalTitle,
            @JsonProperty("original_language") String originalLanguage,
            @JsonProperty("original_url") String originalUrl,
            @JsonProperty("page_url") String pageUrl,
            int revision,
            String engine,
            String route,
            @JsonProperty("quality_score") Double qualityScore,
            String state,
            boolean reviewed,
            @JsonProperty("machine_translation") boolean machineTranslation,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("original_categories") List<String> originalCategories) {
    }
}
