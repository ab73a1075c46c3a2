package io.relais.batch.internal;

import java.sql.SQLException;
import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.batch.BatchSettings;

/**
 * The job repository's calls ride out a database that dropped its connections (a restart, a fail-over). Spring
 * Batch records a step whose end it could not write as UNKNOWN ("should not be restarted"), and a run whose end it
 * could not write stays STARTED for ever: both happened in a cluster when PostgreSQL restarted and the next pooled
 * connection used was one the restart had closed. A call made outside any transaction is tried again, after a pause
 * that grows, for up to {@code relais.batch.repository-retry}, when the database could not be reached (the connection
 * was gone, or no new one could be opened): each try is a transaction of its own and a failed one wrote nothing.
 * Not retried: a call inside a transaction (a chunk's: its connection is the transaction's, and the chunk is rolled
 * back and handled as before), and a commit that failed (whether it was stored cannot be known).
 * <p>
 * Written here because Spring Batch has no retry around its own repository, and a proxy around the one repository
 * bean covers every caller (the job operator, the steps, the cluster's partition handlers).
 */
class RepositoryRetry implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(RepositoryRetry.class);

    private final ObjectProvider<BatchSettings> settings;

    RepositoryRetry(ObjectProvider<BatchSettings> settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobRepository)) {
            return bean;
        }
        Duration patience = settings.getObject().repositoryRetry();
        return patience.isZero() || patience.isNegative() ? bean : retrying((JobRepository) bean, patience);
    }

    /** {@code repository}, its calls outside a transaction tried again for up to {@code patience}. */
    static JobRepository retrying(JobRepository repository, Duration patience) {
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(Integer.MAX_VALUE).timeout(patience)
                .delay(Duration.ofMillis(250)).multiplier(2).maxDelay(Duration.ofSeconds(4))
                .predicate(RepositoryRetry::databaseOutOfReach).build());
        retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> call, RetryState state) {
                if (state.getRetryCount() == 1) {   // the first retry
                    log.info("Job repository: {} could not reach the database ({}); trying again for up to {} ms",
                            call.getName(), state.getLastException().getMessage(), patience.toMillis());
                }
            }

            @Override
            public void onRetrySuccess(RetryPolicy policy, Retryable<?> call, Object result) {
                log.info("Job repository: {} reached the database again", call.getName());
            }

            @Override
            public void onRetryPolicyTimeout(RetryPolicy policy, Retryable<?> call, RetryException e) {
                log.warn("Job repository: {} could not reach the database for {} ms: given up", call.getName(),
                        patience.toMillis());
            }
        });
        ProxyFactory proxy = new ProxyFactory();
        proxy.setTarget(repository);
        proxy.setInterfaces(JobRepository.class);
        proxy.addAdvice((MethodInterceptor) call -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return call.proceed();
            }
            try {
                return retry.execute(new Retryable<Object>() {
                    @Override
                    public Object execute() throws Throwable {
                        return call.proceed();
                    }

                    @Override
                    public String getName() {
                        return call.getMethod().getName();
                    }
                });
            } catch (RetryException e) {
                throw e.getCause() == null ? e : e.getCause();
            }
        });
        return (JobRepository) proxy.getProxy(repository.getClass().getClassLoader());
    }

    /**
     * Whether the call failed because the database could not be reached, before anything was committed: no
     * connection, or the one used was dropped (SQL states 08: connection exception, 57P: the server shutting down).
     */
    static boolean databaseOutOfReach(Throwable failure) {
        Throwable cause = failure;
        if (failure instanceof TransactionSystemException system) {
            if (system.getApplicationException() == null) {
                return false;   // the commit itself failed: it may have been stored
            }
            cause = system.getApplicationException();   // a statement failed, then so did the rollback
        }
        return FailureCauses.any(cause, t -> t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                || t instanceof RecoverableDataAccessException
                || (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))));
    }
}
