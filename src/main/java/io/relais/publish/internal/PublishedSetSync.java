package io.relais.publish.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.translation.PublishedEntry;

/** One change of a language's published set, end to end: log, memory, disk, hubs. */
@Component
public class PublishedSetSync {

    private final EntryLog log;
    private final FeedDocuments documents;
    private final StaticExport export;
    private final WebSubPinger websub;

    PublishedSetSync(EntryLog log, FeedDocuments documents, StaticExport export, WebSubPinger websub) {
        this.log = log;
        this.documents = documents;
        this.export = export;
        this.websub = websub;
    }

    /**
     * Appends the change to the log (in the caller's transaction, if any) and, once that has committed, replaces the
     * documents, the static copies and pings the hubs. Not before: a document rendered between the cache's
     * invalidation and the commit would be built without the new rows (PostgreSQL reads only committed rows) and
     * kept until the language's next change, and one rendered inside the transaction would name entries others
     * cannot see yet.
     */
    public int apply(String lang, List<PublishedEntry> published) {
        int appended = log.sync(lang, published);
        afterCommit(() -> {
            if (appended > 0) {
                documents.invalidate(lang);
            }
            export.export(lang);
            if (appended > 0) {
                websub.ping(lang);
            }
        });
        return appended;
    }

    /** Runs {@code action} after the current transaction commits (never if it rolls back), or now without one. */
    public static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** The log changed elsewhere: forget and rewrite what this node holds. */
    public void refresh(String lang) {
        documents.invalidate(lang);
        export.export(lang);
    }

    public void exportLists() {
        export.exportLists();
    }
}
