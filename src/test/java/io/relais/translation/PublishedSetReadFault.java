package io.relais.translation;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The translation store as it is, except for the reads of a language's published set, which publishing rebuilds the
 * feeds from: armed, they fail as a database that cannot be read makes them fail; held, those made outside a
 * transaction (the rounds that follow a commit) wait until released, as a loaded machine delays them.
 */
@Primary
public class PublishedSetReadFault extends Translations {

    private final AtomicReference<String> failing = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger wholeReadsInTransactions = new AtomicInteger();
    private final AtomicReference<String> held = new AtomicReference<>();
    private volatile CountDownLatch release = new CountDownLatch(0);

    PublishedSetReadFault(JdbcClient jdbc, ApplicationEventPublisher events) {
        super(jdbc, events);
    }

    /** Reads of {@code lang}'s published set fail until {@link #clear}. */
    public void failFor(String lang) {
        failures.set(0);
        failing.set(lang);
    }

    /** How many reads failed since {@link #failFor}. */
    public int failures() {
        return failures.get();
    }

    /** Reads of {@code lang}'s published set made outside a transaction wait until {@link #clear}. */
    public void holdAfterCommit(String lang) {
        release = new CountDownLatch(1);
        held.set(lang);
    }

    public void clear() {
        failing.set(null);
        held.set(null);
        release.countDown();
    }

    @Override
    public List<PublishedEntry> publishableOf(String lang, long articleId) {
        failIfArmed(lang);
        return super.publishableOf(lang, articleId);
    }

    private void failIfArmed(String lang) {
        if (lang.equals(failing.get())) {
            failures.incrementAndGet();
            throw new DataAccessResourceFailureException("injected: the " + lang + " translations cannot be read");
        }
    }

    /** How many reads of a whole language's published set were made inside a transaction (an editor's action). */
    public int wholeReadsInTransactions() {
        return wholeReadsInTransactions.get();
    }

    @Override
    public List<PublishedEntry> publishable(String lang, int limit) {
        failIfArmed(lang);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            wholeReadsInTransactions.incrementAndGet();
        }
        if (lang.equals(held.get()) && !TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held for a minute: the test did not release it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return super.publishable(lang, limit);
    }
}
