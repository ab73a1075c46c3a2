package io.relais.publish;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.relais.article.Sources;
import io.relais.publish.internal.PartnerStore;
import io.relais.publish.internal.PartnerTopics;

/**
 * Partners and their secret tokens (the API the operator console and {@code /api/partners} use). A token is 256
 * random bits, shown once when issued, stored only as its SHA-256; revoking or rotating it makes the old one fail at
 * once. Changes are checked here, at the door: a name, known languages, sane filters.
 */
@Service
public class Partners {

    /** A token as issued: the only time it is seen. {@code feeds} maps each language to its three feed URLs. */
    public record IssuedToken(Partner partner, String token, Map<String, Map<String, String>> feeds) {
    }

    private static final int MAX_LIST = 100;
    private static final int MAX_TERM = 200;

    private final PartnerStore store;
    private final FeedPublisher publisher;
    private final PublishSettings properties;
    private final SecureRandom random = new SecureRandom();

    private final PartnerTopics topics;
    private final Sources sources;

    Partners(PartnerStore store, FeedPublisher publisher, PublishSettings properties, PartnerTopics topics,
             Sources sources) {
        this.topics = topics;
        this.sources = sources;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
    }

    public List<Partner> list() {
        return store.findAll();
    }

    public Optional<Partner> find(long id) {
        return store.find(id);
    }

    /** A new partner; without a policy it gets {@code reviewed} (nothing unreviewed unless the partner asks for it). */
    public IssuedToken create(String name, List<String> languages, PublicationPolicy policy, PartnerFilters filters) {
        String token = newToken();
        List<String> checked = checkLanguages(languages);
        long id = store.insert(checkName(name), checked, policy == null ? PublicationPolicy.REVIEWED : policy,
                check(filters, List.of()), PartnerStore.hash(token));
        topics.seen(id, token);
        republish(checked);
        return issued(store.find(id).orElseThrow(), token);
    }

    /** Changes what is given (null: unchanged); the partner's feeds follow at once. */
    public Optional<Partner> update(long id, String name, List<String> languages, PublicationPolicy policy,
                                    PartnerFilters filters) {
        Optional<Partner> partner = store.find(id);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        List<String> checked = languages == null ? partner.get().languages() : checkLanguages(languages);
        store.update(id, name == null ? partner.get().name() : checkName(name), checked,
                policy == null ? partner.get().policy() : policy,
                filters == null ? partner.get().filters() : check(filters, partner.get().filters().sources()));
        List<String> touched = new ArrayList<>(partner.get().languages());
        checked.stream().filter(l -> !touched.contains(l)).forEach(touched::add);
        republish(touched);
        return store.find(id);
    }

    /** The partner's feeds of these languages brought in line with its settings (its log appended to). */
    private void republish(List<String> languages) {
        languages.forEach(publisher::republish);
    }

    /** A new token for the partner; the old one stops working now. Also lifts a revocation. */
    public Optional<IssuedToken> rotate(long id) {
        String token = newToken();
        if (!store.replaceToken(id, PartnerStore.hash(token))) {
            return Optional.empty();
        }
        topics.seen(id, token);
        Optional<Partner> partner = store.find(id);
        partner.ifPresent(p -> republish(p.languages()));   // a revoked partner's feeds are kept again
        return partner.map(p -> issued(p, token));
    }

    public Optional<Partner> revoke(long id) {
        topics.forget(id);
        return store.revoke(id) ? store.find(id) : Optional.empty();
    }

    /** The partner holding this token, unless revoked. */
    public Optional<Partner> byToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.findByTokenHash(PartnerStore.hash(token)).filter(p -> !p.revoked());
    }

    /** Counts a fetch of a partner feed (and whether it was answered 304). */
    public void recordFetch(long id, boolean notModified) {
        store.recordFetch(id, notModified);
    }

    private IssuedToken issued(Partner partner, String token) {
        Map<String, Map<String, String>> feeds = new LinkedHashMap<>();
        for (String lang : partner.languages()) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (FeedFormat format : FeedFormat.values()) {
                urls.put(format.name().toLowerCase(Locale.ROOT),
                        properties.baseUrlWithoutSlash() + "/feeds/p/" + token + "/" + lang + "/" + format.fileName());
            }
            feeds.put(lang, urls);
        }
        return new IssuedToken(partner, token, feeds);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new PartnerRefused("name: required");
        }
        if (name.strip().length() > 300) {
            throw new PartnerRefused("name: at most 300 characters");
        }
        return name.strip();
    }

    private List<String> checkLanguages(List<String> languages) {
        if (languages == null || languages.isEmpty()) {
            throw new PartnerRefused("languages: at least one of " + publisher.languages());
        }
        List<String> out = new ArrayList<>();
        for (String lang : languages) {
            if (lang == null || !publisher.publishes(lang.strip())) {
                throw new PartnerRefused("languages: '" + lang + "' is not published here (" + publisher.languages() + ")");
            }
            if (!out.contains(lang.strip())) {
                out.add(lang.strip());
            }
        }
        return out;
    }

    /**
     * The filters, once each is known to be one Relais can apply: a source id that names no source is refused (a
     * mistyped id would give the partner nothing from the source meant, silently), unless the partner already had it
     * (its source deleted since: kept, so that the partner's other changes can be saved).
     */
    private PartnerFilters check(PartnerFilters filters, List<Long> had) {
        if (filters == null) {
            return PartnerFilters.NONE;
        }
        if (filters.sources().size() > MAX_LIST || filters.categories().size() > MAX_LIST || filters.keywords().size() > MAX_LIST) {
            throw new PartnerRefused("filters: at most " + MAX_LIST + " sources, categories or keywords");
        }
        for (Long source : filters.sources()) {
            if (!had.contains(source) && sources.find(source).isEmpty()) {
                throw new PartnerRefused("filters.sources: no source " + source
                        + " (the ids are those of /api/sources)");
            }
        }
        for (String term : concat(filters.categories(), filters.keywords())) {
            if (term.length() > MAX_TERM || term.contains(",") || term.contains("\n")) {
                throw new PartnerRefused("filters: a category or keyword is at most " + MAX_TERM
                        + " characters, without commas or line breaks: '" + abbreviate(term) + "'");
            }
        }
        return filters;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
