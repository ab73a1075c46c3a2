package io.relais.publish.internal;

import java.util.List;

import org.springframework.stereotype.Component;

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

    public int apply(String lang, List<PublishedEntry> published) {
        int appended = log.sync(lang, published);
        if (appended > 0) {
            documents.invalidate(lang);
        }
        export.export(lang);
        if (appended > 0) {
            websub.ping(lang);
        }
        return appended;
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
