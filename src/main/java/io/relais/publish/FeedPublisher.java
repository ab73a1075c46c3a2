package io.relais.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.relais.article.Translations;
import io.relais.batch.TranslationsReady;
import io.relais.publish.internal.EntryLog;
import io.relais.publish.internal.FeedDocuments;
import io.relais.publish.internal.PublishedSetSync;
import io.relais.review.TranslationReviewed;

/**
 * Keeps the feeds in line with the published translations: when the published set of a language changes, its
 * publishing log is brought up to date, its cached documents replaced, the static copies rewritten and the WebSub
 * hubs pinged. Changes made on another node are noticed by comparing the log's marks every
 * {@code relais.publish.check-interval}.
 */
@Service
public class FeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);

    private final Translations translations;
    private final PublishedSetSync sync;
    private final FeedDocuments documents;
    private final EntryLog entryLog;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Map<String, EntryLog.Mark> seen = new HashMap<>();

    FeedPublisher(Translations translations, PublishedSetSync sync, FeedDocuments documents, EntryLog entryLog) {
        this.translations = translations;
        this.sync = sync;
        this.documents = documents;
        this.entryLog = entryLog;
    }

    public boolean publishes(String lang) {
        return documents.publishes(lang);
    }

    public List<String> languages() {
        return documents.languages();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void exportAll() {
        try {
            sync.exportLists();
        } catch (RuntimeException e) {
            log.error("Could not write the feeds index and OPML list: {}", e.toString(), e);
        }
        for (String lang : documents.languages()) {
            try {
                republish(lang);
            } catch (RuntimeException e) {
                // the service keeps running: the next change of this language tries again
                log.error("Could not publish the {} feeds at start-up: {}", lang, e.toString(), e);
            }
        }
    }

    @EventListener
    void onTranslationsReady(TranslationsReady event) {
        event.languages().stream().filter(this::publishes).forEach(this::republish);
    }

    @EventListener
    void onTranslationReviewed(TranslationReviewed event) {
        if (publishes(event.lang())) {
            republish(event.lang());
        }
    }

    /**
     * The published set of {@code lang} may have changed: log what entered or left, replace the documents, write the
     * static copies, and ping the hubs when something did change. Returns the number of log rows appended.
     */
    public int republish(String lang) {
        synchronized (locks.computeIfAbsent(lang, l -> new Object())) {
            int appended = sync.apply(lang, translations.published(lang, Integer.MAX_VALUE));
            log.debug("Republished {}: {} change(s)", lang, appended);
            return appended;
        }
    }

    /** Another node may have changed a language: replace what this node has in memory and on disk. */
    @Scheduled(fixedDelayString = "${relais.publish.check-interval:10s}", initialDelayString = "${relais.publish.check-interval:10s}")
    void followOtherNodes() {
        Map<String, EntryLog.Mark> marks = entryLog.marks();
        Map<String, EntryLog.Mark> before = seen;
        seen = marks;
        for (Map.Entry<String, EntryLog.Mark> mark : marks.entrySet()) {
            if (before.containsKey(mark.getKey()) && !mark.getValue().equals(before.get(mark.getKey()))
                    && publishes(mark.getKey())) {
                synchronized (locks.computeIfAbsent(mark.getKey(), l -> new Object())) {
                    sync.refresh(mark.getKey());
                }
            }
        }
    }
}
