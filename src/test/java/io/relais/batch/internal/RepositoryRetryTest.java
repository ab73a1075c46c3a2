package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which job repository failures are tried again (the database out of reach, before anything was committed) and which
 * are not (a failed commit, a refusal, a call inside a chunk's transaction). The real outage, a connection PostgreSQL
 * dropped, is {@code RepositoryRetryPostgresTest} in the cluster suite.
 */
class RepositoryRetryTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();

    @Test
    void aCallThatCouldNotReachTheDatabaseIsTriedAgainUntilItDoes() {
        failures.add(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
        failures.add(new UncategorizedSQLException("update", "update", new SQLException("terminating connection due "
                + "to administrator command", "57P01")));

        repository().update((StepExecution) null);

        assertThat(calls).hasValue(3);
    }

    @Test
    void aStatementThatFailedThenARollbackThatFailedIsTriedAgain() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new UncategorizedSQLException("select", "select",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        failures.add(rollback);

        repository().update((StepExecution) null);

        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailedCommitARefusalAndACallInsideATransactionAreNotTriedAgain() {
        failures.add(new TransactionSystemException("Could not commit JDBC transaction"));
        assertThatThrownBy(() -> repository().update((StepExecution) null)).isInstanceOf(TransactionSystemException.class);
        assertThat(calls).as("a commit that failed may have been stored").hasValue(1);

        failures.add(new OptimisticLockingFailureException("version"));
        assertThatThrownBy(() -> repository().update((StepExecution) null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        failures.add(new DataIntegrityViolationException("duplicate"));
        assertThatThrownBy(() -> repository().update((StepExecution) null))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(3);

        failures.add(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> repository().update((StepExecution) null))
                    .isInstanceOf(CannotCreateTransactionException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(calls).as("the chunk's transaction fails as a whole").hasValue(4);
    }

    @Test
    void aDatabaseThatStaysAwayIsGivenUpAfterThePatienceWithTheLastFailure() {
        for (int i = 0; i < 1000; i++) {
            failures.add(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
        }
        JobRepository repository = RepositoryRetry.retrying(failing(), Duration.ofMillis(600));

        assertThatThrownBy(() -> repository.update((StepExecution) null))
                .isInstanceOf(CannotCreateTransactionException.class);
        assertThat(calls.get()).isBetween(2, 5);
    }

    private JobRepository repository() {
        return RepositoryRetry.retrying(failing(), Duration.ofSeconds(30));
    }

    /** A repository whose calls throw the queued failures, one per call, then succeed. */
    private JobRepository failing() {
        return (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JobRepository.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "failing";
                    }
                    calls.incrementAndGet();
                    RuntimeException next = failures.poll();
                    if (next != null) {
                        throw next;
                    }
                    return null;
                });
    }
}
