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
 * Adding, editing, pausing and deleting feed sources for other modules (the operator console): the same rules as
 * {@code /api/sources} (URL policy, known target languages, at least 1 s between polls), and the poller route
 * follows each change. Refusals are {@link IllegalArgumentException}s whose message says why.
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
            return new SourceCheck(url, false, false, null, 0, 0, null, refusal);
        }
        return checker.check(url.strip());
    }

    public Source add(String url, String name, Duration interval, boolean fetchFullArticle, List<String> langs) {
        String refusal = url == null || url.isBlank() ? "a URL is required" : urlPolicy.refusal(url);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        if (sources.findByUrl(url.strip()).isPresent()) {
            throw new IllegalArgumentException("a source with this URL exists already");
        }
        requireValid(interval, langs);
        Source source = sources.create(url.strip(), blankToNull(name), (int) interval.toSeconds(), fetchFullArticle);
        source = sources.updateLanguages(source.id(), langs);
        pollers.sync(source);
        return source;
    }

    public Source edit(long id, String name, Duration interval, boolean fetchFullArticle, List<String> langs) {
        Source current = find(id);
        requireValid(interval, langs);
        sources.updateLanguages(id, langs);
        Source updated = sources.update(id, blankToNull(name), (int) interval.toSeconds(), current.paused(),
                fetchFullArticle);
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
            throw new IllegalArgumentException("source " + id + " has " + articles + " articles: pause it instead");
        }
    }

    public boolean polling(long id) {
        return pollers.polling(id);
    }

    private Source find(long id) {
        return sources.find(id).orElseThrow(() -> new IllegalArgumentException("no source " + id));
    }

    private void requireValid(Duration interval, List<String> langs) {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the poll interval must be at least 1 s");
        }
        if (langs != null && !languages.containsAll(langs)) {
            throw new IllegalArgumentException("not target languages of this Relais: " + langs + " (relais.languages is "
                    + languages + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
