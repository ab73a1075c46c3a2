package io.relais.publish.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.publish.Partner;
import io.relais.publish.PublishSettings;
import io.relais.translation.PublishedEntry;

/**
 * One change of a language's publishable translations, end to end: each feed's log (the public feed with the public
 * policy, each partner's with its policy, filters and presentation), then memory, disk and hubs.
 */
@Component
public class PublishedSetSync {

    private static final Logger logger = LoggerFactory.getLogger(PublishedSetSync.class);

    private final EntryLog log;
    private final FeedDocuments documents;
    private final StaticExport export;
    private final WebSubPinger websub;
    private final PartnerStore partners;
    private final PublishSettings properties;
    private final CategoryTranslations categories;
    private final TransactionTemplate outsideTransaction;

    PublishedSetSync(EntryLog log, FeedDocuments documents, StaticExport export, WebSubPinger websub,
                     PartnerStore partners, PublishSettings properties, CategoryTranslations categories,
                     PlatformTransactionManager transactions) {
        this.outsideTransaction = new TransactionTemplate(transactions);
        outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.categories = categories;
        this.log = log;
        this.documents = documents;
        this.export = export;
        this.websub = websub;
        this.partners = partners;
        this.properties = properties;
    }

    /**
     * Appends the change to the logs (in the caller's transaction, if any) and, once that has committed, replaces the
     * documents, the static copies and pings the hubs. Not before: a document rendered between the cache's
     * invalidation and the commit would be built without the new rows (PostgreSQL reads only committed rows) and
     * kept until the language's next change, and one rendered inside the transaction would name entries others
     * cannot see yet. Returns the number of rows appended to all the language's logs.
     */
    public int apply(String lang, List<PublishedEntry> publishable) {
        return apply(lang, publishable, (feed, candidates) -> log.sync(feed, lang, candidates));
    }

    /**
     * {@link #apply} for some articles only, {@code publishable} being what may be published of them: an editor's
     * change, logged without reading what the language ever published.
     */
    public int applyArticles(String lang, Set<Long> articles, List<PublishedEntry> publishable) {
        return apply(lang, publishable, (feed, candidates) -> log.syncArticles(feed, lang, articles, candidates));
    }

    private int apply(String lang, List<PublishedEntry> publishable,
                      BiFunction<String, List<EntryLog.Candidate>, Integer> sync) {
        List<EntryLog.Candidate> all = log.candidates(publishable.stream()
                .map(e -> e.withTranslatedCategories(categories.translate(lang, e.categories()))).toList());
        int publicChanges = sync.apply(FeedKeys.publicFeed(lang), newest(all, properties.policy()::accepts));
        List<Partner> changedPartners = new ArrayList<>();
        int partnerChanges = 0;
        for (Partner partner : partners.reading(lang)) {
            int changes = sync.apply(FeedKeys.partnerFeed(partner.id(), lang), newest(all, partner::accepts).stream()
                    .map(c -> c.presentedAs(partner.filters().presentation())).toList());
            if (changes > 0) {
                changedPartners.add(partner);
                partnerChanges += changes;
            }
        }
        int appended = publicChanges + partnerChanges;
        afterCommit(() -> {
            if (appended > 0) {
                documents.invalidate(lang);
            }
            if (publicChanges > 0) {
                websub.ping(lang);
            }
            changedPartners.forEach(partner -> websub.ping(partner, lang));
            export.export(lang);
        });
        return appended;
    }

    /**
     * What a feed publishes of each article: the newest revision's translation it accepts (an article corrected since
     * keeps its last accepted translation until the correction's is), in the candidates' order.
     */
    static List<EntryLog.Candidate> newest(List<EntryLog.Candidate> all, Predicate<PublishedEntry> accepts) {
        Map<Long, EntryLog.Candidate> chosen = new HashMap<>();
        for (EntryLog.Candidate c : all) {
            if (accepts.test(c.entry())) {
                chosen.merge(c.entry().articleId(), c, (a, b) -> b.entry().revision() > a.entry().revision() ? b : a);
            }
        }
        return all.stream().filter(c -> chosen.get(c.entry().articleId()) == c).toList();
    }

    /**
     * Runs {@code action} after the current transaction commits (never if it rolls back), or now without one. After
     * a commit, outside it: the committed transaction's connection is still bound to the thread then, and what is
     * written on it (a document's Last-Modified) would belong to no transaction. A failure there is logged, not
     * thrown: the transaction is committed and the documents already forgotten (the first thing done), and the
     * round that follows the commit ({@code PublishedSetChanged}) writes the copies again.
     */
    public void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    outsideTransaction.executeWithoutResult(status -> action.run());
                } catch (RuntimeException e) {
                    logger.warn("Publishing after a commit did not finish ({}): the next round does it again",
                            e.toString());
                }
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
