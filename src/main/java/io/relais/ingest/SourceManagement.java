package io.relais.ingest;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.internal.FeedPollers;
import io.relais.ingest.internal.SourceChecker;
import io.relais.ingest.internal.UrlPolicy;
import io.relais.translation.TargetLanguages;

/**
 * Adding, editing, pausing and deleting feed sources, for {@code /api/sources} and the operator console alike: one
 * set of rules (URL policy, one source per URL, known target languages, at least 1 s between polls), and the poller
 * route follows each change. Refusals are {@link SourceRefusedException}s whose message says why.
 */
@Service
public class SourceManagement {

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final Sources sources;
    private final FeedPollers pollers;
    private final UrlPolicy urlPolicy;
    private final SourceChecker checker;
    private final List<String> languages;

    SourceManagement(Sources sources, FeedPollers pollers, UrlPolicy urlPolicy, SourceChecker checker,
                     TargetLanguages languages) {
        this.sources = sources;
        this.pollers = pollers;
        this.urlPolicy = urlPolicy;
        this.checker = checker;
        this.languages = languages.languages();
    }

    /** Fetches and parses the URL once, without storing anything, and says what it found. */
    public SourceCheck check(String url) {
        String refusal = url == null || url.isBlank() ? "a URL is required" : urlPolicy.refusal(url);
        if (refusal != null) {
            return SourceCheck.refused(url, refusal);
        }
        return checker.check(url.strip());
    }

    public Source add(String url, String name, Duration interval, boolean fetchFullArticle, List<String> langs) {
        return add(url, name, interval, fetchFullArticle, langs, false);
    }

    /** Adds a feed source ({@code langs} null or empty: every target language), paused or polled from now on. */
    public Source add(String url, String name, Duration interval, boolean fetchFullArticle, List<String> langs,
                      boolean paused) {
        if (url == null || url.isBlank()) {
            throw SourceRefusedException.invalid("url", "a URL is required");
        }
        requireLanguages(langs);
        String refusal = urlPolicy.refusal(url);
        if (refusal != null) {
            throw SourceRefusedException.invalid("url", refusal);
        }
        Source existing = sources.findByUrl(url.strip()).orElse(null);
        if (existing != null) {
            throw exists(existing);
        }
        requireInterval(interval);
        Source source = sources.create(url.strip(), blankToNull(name), (int) interval.toSeconds(), fetchFullArticle)
                .orElseThrow(() -> exists(sources.findByUrl(url.strip()).orElseThrow()));   // added meanwhile
        source = sources.updateLanguages(source.id(), langs);
        if (paused) {
            source = sources.update(source.id(), source.name(), source.pollIntervalSeconds(), true,
                    source.fetchFullArticle());
        }
        pollers.sync(source);
        return source;
    }

    private static SourceRefusedException exists(Source existing) {
        return new SourceRefusedException(SourceRefusedException.Kind.CONFLICT, "url", existing.id(),
                "a source with this URL exists already");
    }

    /** Saves the console's edit form: every field as given (a blank name clears it, no languages means all). */
    public Source edit(long id, String name, Duration interval, boolean fetchFullArticle, List<String> langs) {
        Source current = find(id);
        requireInterval(interval);
        requireLanguages(langs);
        sources.updateLanguages(id, langs);
        Source updated = sources.update(id, blankToNull(name), (int) interval.toSeconds(), current.paused(),
                fetchFullArticle);
        pollers.sync(updated);
        return updated;
    }

    /**
     * Changes what a request names and keeps the rest ({@code PUT /api/sources/{id}}): a null field is left as it
     * is. The URL cannot change (a new URL is a new source).
     */
    public Source update(long id, String url, String name, Duration interval, Boolean paused, Boolean fetchFullArticle,
                         List<String> langs) {
        Source current = find(id);
        if (url != null && !url.strip().equals(current.url())) {
            throw SourceRefusedException.invalid("url", "the URL of a source cannot change: add a new source");
        }
        Duration newInterval = interval == null ? Duration.ofSeconds(current.pollIntervalSeconds()) : interval;
        requireInterval(newInterval);
        requireLanguages(langs);
        if (langs != null) {
            sources.updateLanguages(id, langs);
        }
        Source updated = sources.update(id, name != null ? name : current.name(), (int) newInterval.toSeconds(),
                paused != null ? paused : current.paused(),
                fetchFullArticle != null ? fetchFullArticle : current.fetchFullArticle());
        pollers.sync(updated);
        return updated;
    }

    public Source pause(long id, boolean paused) {
        Source current = find(id);
        Source updated = sources.update(id, current.name(), current.pollIntervalSeconds(), paused,
                current.fetchFullArticle());
        pollers.sync(updated);
        return updated;
    }

    /** Deletes a source without articles; one with articles is refused (pause it instead). */
    public void delete(long id) {
        find(id);
        pollers.stop(id);
        long articles = sources.deleteIfEmpty(id);
        if (articles > 0) {
            sources.find(id).ifPresent(pollers::sync);
            throw new SourceRefusedException(SourceRefusedException.Kind.CONFLICT, null, null,
                    "source " + id + " has " + articles + " articles: pause it instead");
        }
    }

    /**
     * A source added although its check failed (paused, at the operator's request) shows that failure as its last
     * error until a poll succeeds: it is never shown healthy before it has been read.
     */
    public Source recordFailedCheck(long id, String problem) {
        find(id);
        sources.recordFailure(id, "check before adding: " + problem, null);
        return find(id);
    }

    /** Polls the source now; refused when it is paused or not polled by this node. */
    public void pollNow(long id) {
        Source source = find(id);
        if (source.paused()) {
            throw new SourceRefusedException(SourceRefusedException.Kind.CONFLICT, null, null,
                    "source " + id + " is paused: resume it to poll it");
        }
        if (!pollers.pollNow(source)) {
            throw new SourceRefusedException(SourceRefusedException.Kind.CONFLICT, null, null,
                    "source " + id + " is not polled by this node (not allowed by the URL policy, or polled by "
                            + "another node of the cluster)");
        }
    }

    public boolean polling(long id) {
        return pollers.polling(id);
    }

    private Source find(long id) {
        return sources.find(id).orElseThrow(() -> new SourceRefusedException(SourceRefusedException.Kind.NOT_FOUND,
                null, null, "no source " + id));
    }

    private static void requireInterval(Duration interval) {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
            throw SourceRefusedException.invalid("pollInterval", "the poll interval must be at least 1 s");
        }
    }

    private void requireLanguages(List<String> langs) {
        if (langs == null) {
            return;
        }
        List<String> unknown = langs.stream().filter(l -> !languages.contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw SourceRefusedException.invalid("languages", "not target languages of this Relais: " + unknown
                    + " (relais.languages is " + languages + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
