package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.testing.MutableClock;

/** The periodic look at the publishing log finds every row, whatever order their transactions committed in. */
class LogMarksTest extends StoredArticlesTest {

    @Autowired
    EntryLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /**
     * A log row takes its id when written and is seen when its transaction commits: a row committed after a newer
     * one was looked at (another node's transaction still open) was skipped for good by a look that kept only the
     * newest id, and the node kept serving what that row withdrew.
     */
    @Test
    void aRowCommittedAfterANewerOneWasSeenStillMovesItsLanguage() throws Exception {
        long article = article();
        LogMarks marks = new LogMarks(log);
        marks.moved();   // the first look: every language
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            logRow("p999991/ca", "ca", article);   // an older id …
            written.countDown();
            await(commit);
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        transactions.executeWithoutResult(status -> logRow("p999992/pt", "pt", article));   // … committed later
        assertThat(marks.moved()).contains("pt").doesNotContain("ca");

        commit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        assertThat(marks.moved()).contains("ca");
        assertThat(marks.moved()).doesNotContain("ca", "pt");
    }

    /** An id that never appears (its transaction rolled back) is looked for a while, then no more. */
    @Test
    void anIdThatNeverCommitsIsForgottenAfterAWhile() {
        long article = article();
        MutableClock clock = new MutableClock(Instant.now());
        LogMarks marks = new LogMarks(log, clock);
        marks.moved();
        transactions.executeWithoutResult(status -> {
            logRow("p999993/it", "it", article);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> logRow("p999994/es", "es", article));
        assertThat(marks.moved()).contains("es");
        assertThat(marks.holes()).isPositive();
        clock.advance(LogMarks.HOLE_LIFE.plusSeconds(1));
        assertThat(marks.moved()).doesNotContain("it", "es");
        assertThat(marks.holes()).isZero();
    }

    private long article() {
        Source source = source("test:log-marks", "ca");
        return articles.store(new NewArticle(source.id(), "marks-" + System.nanoTime(), null, "Le tramway de Nice",
                "Un résumé.", "<p>Le tramway roule.</p>", "Paul Petit", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1),
                null, null, List.of())).articleId();
    }

    /** A withdrawal row of a partner feed nobody reads (the test's own), as another node would log it. */
    private void logRow(String feed, String lang, long article) {
        jdbc.sql("insert into feed_entry (feed, lang, article_id, version_key, withdrawn, logged_at) "
                        + "values (?, ?, ?, ?, true, ?)")
                .params(feed, lang, article, "marks-" + System.nanoTime(), OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
