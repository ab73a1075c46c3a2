package io.relais.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.cluster.FeedChanges;
import io.relais.cluster.FeedsChangedElsewhere;
import io.relais.http.ApiProblem;
import io.relais.publish.internal.FeedDocuments;
import io.relais.publish.internal.LogMarks;
import io.relais.publish.internal.PublishedSetSync;
import io.relais.translation.PublishedEntry;
import io.relais.translation.PublishedSetChanged;
import io.relais.translation.PublishedSetEdited;
import io.relais.translation.Translations;

/**
 * Keeps the feeds in line with the publishable translations: when those of a language change, the logs of its feeds
 * (the public one under {@code relais.publish.policy}, each partner's under its own policy and filters) are brought up
 * to date, its cached documents replaced, the static copies rewritten and the WebSub hubs pinged; other nodes are
 * told, and replace what they hold of that language. The public policy is said in the log at start-up.
 */
@Service
public class FeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);

    private final Translations translations;
    private final PublishedSetSync sync;
    private final FeedDocuments documents;
    private final FeedChanges otherNodes;
    private final LogMarks marks;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final CoalescedRounds rounds = new CoalescedRounds();
    private final FailedRebuilds failures = new FailedRebuilds();
    private final Set<String> refreshRetries = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService refreshRetryTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-refresh-retries");
        t.setDaemon(true);
        return t;
    });

    FeedPublisher(Translations translations, PublishedSetSync sync, FeedDocuments documents, FeedChanges otherNodes,
                  LogMarks marks) {
        this.marks = marks;
        this.translations = translations;
        this.sync = sync;
        this.documents = documents;
        this.otherNodes = otherNodes;
    }

    public boolean publishes(String lang) {
        return documents.publishes(lang);
    }

    public List<String> languages() {
        return documents.languages();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void exportAll() {
        if (documents.policy() == PublicationPolicy.MACHINE) {
            log.info("Public feeds: publication policy 'machine' (relais.publish.policy): editor-approved translations "
                    + "and machine translations with no blocking issue, each marked as machine translation");
        } else {
            log.info("Public feeds: publication policy 'reviewed' (relais.publish.policy): only editor-approved "
                    + "translations; 'machine' also publishes machine translations with no blocking issue, marked as such");
        }
        try {
            sync.exportLists();
        } catch (RuntimeException e) {
            log.error("Could not write the feeds index and OPML list: {}", e.toString(), e);
        }
        for (String lang : documents.languages()) {
            try {
                republish(lang);
            } catch (RuntimeException e) {
                rebuildFailed(lang, e);   // the service keeps running: the catch-up tries again
            }
        }
    }

    /**
     * After the transaction that changed the published set has committed (never inside it: feeds must not show what
     * a rollback undoes), asynchronously; the event publication registry keeps the event until this returns. Not in
     * a transaction of its own: the log's rows must be committed before documents rendered from them are cached and
     * served (and the static copies written, the hubs pinged, other nodes told), or a reader could get an entry
     * whose public page, read on another connection, is not there yet. The sync is idempotent, so an interrupted
     * one is completed by the next.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void onPublishedSetChanged(PublishedSetChanged event) {
        String lang = event.lang();
        if (!publishes(lang)) {
            return;
        }
        // Coalesced per language: an event that arrives while the language's republish runs marks it to go round
        // once more and returns, instead of parking an executor thread on the language's lock (the express lane
        // announces each article's language as it is stored, the backlog each chunk). The round after it reads the
        // published set anew, so it includes this event's change, whatever the running round read before its commit.
        if (!rounds.start(lang)) {
            return;
        }
        try {
            do {
                republish(lang);
            } while (rounds.again(lang));
        } catch (RuntimeException e) {
            rounds.abandon(lang);   // the next event starts afresh
            rebuildFailed(lang, e);
        }
    }

    /**
     * An editor's action changed what {@code lang} publishes (an approval undone, a rejection, a correction): its
     * logs take the change in the action's own transaction, at its end, and this node's documents are forgotten as
     * soon as it commits, before the action answers — so its answer means this node serves the change, a withdrawn
     * entry no longer. Synchronous rather than an {@code ApplicationModuleListener} for that reason, and heard by
     * event rather than called by the review module, which stays ignorant of publishing (so does the console, whose
     * actions go through the same store). A failure here rolls the action back: the editor is told, nothing changed.
     * The round after the commit ({@link #onPublishedSetChanged}) finds the logs in line and rewrites nothing.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onPublishedSetEdited(PublishedSetEdited event) {
        if (!publishes(event.lang())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            republishForEditor(event.lang(), Set.of(event.articleId()));
            return;
        }
        EditedLanguages edited = (EditedLanguages) TransactionSynchronizationManager.getResource(EditedLanguages.KEY);
        if (edited == null || edited.logged) {
            return;   // the transaction's languages are logged at its first event's turn
        }
        edited.logged = true;
        // every lock first, in one order: two transactions editing the same languages never wait for each other
        edited.languages.keySet().forEach(lang -> holdUntilCompletion(lock(lang)));
        edited.languages.forEach(this::republishForEditor);
    }

    /**
     * Notes the language as the transaction publishes the event, so that its end knows them all: one round per
     * language and transaction (a second would find the first's rows uncommitted), the locks taken in one order.
     */
    @EventListener
    void noteEdited(PublishedSetEdited event) {
        if (!publishes(event.lang()) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        EditedLanguages edited = (EditedLanguages) TransactionSynchronizationManager.getResource(EditedLanguages.KEY);
        if (edited == null) {
            edited = new EditedLanguages();
            TransactionSynchronizationManager.bindResource(EditedLanguages.KEY, edited);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EditedLanguages.KEY);
                }
            });
        }
        edited.languages.computeIfAbsent(event.lang(), l -> new TreeSet<>()).add(event.articleId());
    }

    /** The languages an editor's transaction changes, and whether they are logged yet (a transaction resource). */
    private static final class EditedLanguages {
        static final Object KEY = new Object();
        /** Each language's changed articles, the languages in one order. */
        final Map<String, Set<Long>> languages = new TreeMap<>();
        boolean logged;
    }

    /**
     * Logs the changed articles' entries only: an editor's answer waits for it, and a whole republish reads (and
     * hashes) every entry the language ever published. The round after the commit still brings the whole log in line.
     */
    private void republishForEditor(String lang, Set<Long> articles) {
        try {
            ReentrantLock lock = lock(lang);
            lock.lock();
            try {
                List<PublishedEntry> publishable = new ArrayList<>();
                articles.forEach(article -> publishable.addAll(translations.publishableOf(lang, article)));
                if (sync.applyArticles(lang, articles, publishable) > 0) {
                    sync.afterCommit(() -> otherNodes.announce(List.of(lang)));
                }
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            // expected when the database fails: said to the editor, not a stack trace
            log.warn("An editor's change of the {} translations is refused: the feeds could not follow it ({})", lang,
                    e.toString());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "the " + lang + " feeds could not follow this change:"
                    + " nothing was changed, try again");
        }
    }

    /**
     * Holds the language's lock until the transaction ends: its log rows take their ids before the commit, and a
     * round of another thread appending rows of the language after them and committing first would let a reader see
     * the later rows without the earlier (an archive page cut, another node's look at the newest row).
     */
    private static void holdUntilCompletion(ReentrantLock lock) {
        lock.lock();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

    /**
     * Another node of the cluster changed these languages: replace this node's documents and static copies. Like
     * {@link #onPublishedSetChanged}, after the event's transaction committed and in none of its own.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void onFeedsChangedElsewhere(FeedsChangedElsewhere event) {
        for (String lang : event.languages()) {
            if (publishes(lang)) {
                refreshOrRetry(lang, 1);
            }
        }
    }

    /**
     * Every 10 s, first the languages whose last rebuild failed are rebuilt again (a withdrawal would else stay
     * served until the language's next change), then the languages whose logs moved since the last look are
     * replaced here as if announced: an
     * announcement lost (its node died after its commit, the broker refused it) no longer leaves this node serving an
     * entry withdrawn elsewhere until the language's next change. This node's own changes are replaced once more,
     * which costs a rendering of their documents.
     */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.SECONDS)
    public void catchUp() {
        for (String lang : failures.languages()) {
            try {
                republish(lang);
            } catch (RuntimeException e) {
                rebuildFailed(lang, e);
            }
        }
        Set<String> moved;
        try {
            moved = marks.moved();
        } catch (RuntimeException e) {
            // this node cut off from the database: the next look, once it is back, sees what moved meanwhile
            log.warn("Could not read the publishing log's marks: {}", e.getMessage());
            return;
        }
        for (String lang : moved) {
            if (publishes(lang)) {
                refreshOrRetry(lang, 1);
            }
        }
    }

    /**
     * Replaces what this node holds of a language changed elsewhere; when the database cannot be read (this node cut
     * off from it), tries again later — 2, 4, 8 … up to 30 s — instead of serving the old feeds until the next change.
     */
    private void refreshOrRetry(String lang, int attempt) {
        try {
            ReentrantLock lock = lock(lang);
            lock.lock();
            try {
                sync.refresh(lang);
            } finally {
                lock.unlock();
            }
            refreshRetries.remove(lang);
        } catch (RuntimeException e) {
            long delay = Math.min(30, 1L << Math.min(attempt, 5));
            if (attempt == 1 && !refreshRetries.add(lang)) {
                return;   // a retry of this language is already waiting: it will read the latest
            }
            log.warn("Could not refresh the {} feeds after another node's change ({}): trying again in {} s", lang,
                    e.getMessage(), delay);
            refreshRetryTimer.schedule(() -> refreshOrRetry(lang, attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    /**
     * The published set of {@code lang} may have changed: log what entered or left, replace the documents, write the
     * static copies, ping the hubs and tell the other nodes when something did change. Returns the number of log
     * rows appended (0: nothing changed).
     */
    public int republish(String lang) {
        int appended;
        ReentrantLock lock = lock(lang);
        lock.lock();
        try {
            appended = sync.apply(lang, translations.publishable(lang, Integer.MAX_VALUE));
        } finally {
            lock.unlock();
        }
        if (appended > 0) {
            log.debug("Republished {}: {} change(s)", lang, appended);
            // the other nodes read the log again: only once this node's rows are committed
            sync.afterCommit(() -> otherNodes.announce(List.of(lang)));
        }
        if (failures.succeeded(lang)) {
            log.info("The {} feeds are rebuilt again", lang);
        }
        return appended;
    }

    /** The languages whose last rebuild failed: the catch-up rebuilds them again every 10 s until one succeeds. */
    public Set<String> failedLanguages() {
        return failures.languages();
    }

    /** Said at WARN once per run of failures (a database down fails every round): the catch-up tries again. */
    private void rebuildFailed(String lang, RuntimeException e) {
        if (failures.failed(lang)) {
            log.warn("Could not rebuild the {} feeds ({}): they may still show what left them; tried again every 10 s",
                    lang, e.toString());
        } else {
            log.debug("Could not rebuild the {} feeds again: {}", lang, e.toString());
        }
    }

    /** The public subscription document of a language, as served (for callers that want the text). */
    public String render(String lang, FeedFormat format) {
        return documents.feed(lang, format, 0).map(d -> d.text()).orElseThrow(
                () -> new IllegalArgumentException("no " + lang + " feed"));
    }

    private ReentrantLock lock(String lang) {
        return locks.computeIfAbsent(lang, l -> new ReentrantLock());
    }
}
