package io.relais.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.relais.article.Translations;
import io.relais.batch.TranslationsReady;
import io.relais.cluster.FeedChanges;
import io.relais.cluster.FeedsChangedElsewhere;
import io.relais.review.TranslationReviewed;

/**
 * Renders the feeds of a language from the published translations, and writes the static copies under
 * {@code feeds/<lang>/} after each run (atomically: a reader never sees half a file).
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

    FeedPublisher(Translations translations, FeedBuilder builder, @Value("${relais.languages}") List<String> languages,
                  @Value("${relais.publish.feeds-dir:feeds}") Path feedsDir,
                  @Value("${relais.publish.max-entries:50}") int maxEntries, FeedChanges otherNodes) {
        this.otherNodes = otherNodes;
        this.translations = translations;
        this.builder = builder;
        this.languages = languages;
        this.feedsDir = feedsDir;
        this.maxEntries = maxEntries;
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

    @EventListener
    void onTranslationsReady(TranslationsReady event) {
        List<String> changed = event.languages().stream().filter(this::publishes).toList();
        changed.forEach(this::export);
        otherNodes.announce(changed);
    }

    /** Another node of the cluster changed these feeds: rewrite this node's copies (and drop cached ones). */
    @EventListener
    void onFeedsChangedElsewhere(FeedsChangedElsewhere event) {
        event.languages().stream().filter(this::publishes).forEach(this::export);
    }

    @EventListener
    void onTranslationReviewed(TranslationReviewed event) {
        if (publishes(event.lang())) {
            export(event.lang());
            otherNodes.announce(List.of(event.lang()));
        }
    }

    public void export(String lang) {
        for (FeedFormat format : FeedFormat.values()) {
            writeAtomically(feedsDir.resolve(lang).resolve(format.fileName()), render(lang, format));
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
