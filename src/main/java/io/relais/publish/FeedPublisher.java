package io.relais.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import io.relais.cluster.FeedChanges;
import io.relais.cluster.FeedsChangedElsewhere;
import io.relais.translation.PublishedSetChanged;
import io.relais.translation.TargetLanguages;
import io.relais.translation.Translations;

/**
 * Renders the feeds of a language from the published translations, and writes the static copies under
 * {@code feeds/<lang>/} whenever a language's published set changes (atomically: a reader never sees half a file).
 */
@Service
public class FeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);

    private final Translations translations;
    private final FeedBuilder builder;
    private final List<String> languages;
    private final Path feedsDir;
    private final int maxEntries;
    private final FeedChanges otherNodes;
    private final Map<String, Object> exportLocks = new ConcurrentHashMap<>();

    FeedPublisher(Translations translations, FeedBuilder builder, TargetLanguages languages, PublishSettings settings,
                  FeedChanges otherNodes) {
        this.otherNodes = otherNodes;
        this.translations = translations;
        this.builder = builder;
        this.languages = languages.languages();
        this.feedsDir = settings.feedsDir();
        this.maxEntries = settings.maxEntries();
    }

    public boolean publishes(String lang) {
        return languages.contains(lang);
    }

    public String render(String lang, FeedFormat format) {
        return builder.render(lang, translations.published(lang, maxEntries), format);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void exportAll() {
        languages.forEach(this::export);
    }

    /**
     * After the transaction that changed the published set has committed (never inside it: the files must not show
     * what a rollback undoes), asynchronously; the event publication registry keeps the event until this returns.
     * In a cluster the other nodes are told too.
     */
    @ApplicationModuleListener
    void onPublishedSetChanged(PublishedSetChanged event) {
        if (publishes(event.lang())) {
            export(event.lang());
            otherNodes.announce(List.of(event.lang()));
        }
    }

    /** Another node of the cluster changed these feeds: rewrite this node's copies (and drop cached ones). */
    @EventListener
    void onFeedsChangedElsewhere(FeedsChangedElsewhere event) {
        event.languages().stream().filter(this::publishes).forEach(this::export);
    }

    /** One export of a language at a time, so that an export that read older rows never overwrites a newer one. */
    public void export(String lang) {
        synchronized (exportLocks.computeIfAbsent(lang, l -> new Object())) {
            for (FeedFormat format : FeedFormat.values()) {
                writeAtomically(feedsDir.resolve(lang).resolve(format.fileName()), render(lang, format));
            }
        }
        log.debug("Exported the {} feeds to {}", lang, feedsDir.resolve(lang));
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
