package io.relais.batch.internal;

import java.sql.SQLException;
import java.time.Duration;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Starting a job, retried when the database refused it as a serialization failure: Spring Batch creates a job's
 * execution in a SERIALIZABLE transaction, and on PostgreSQL two lanes starting a job at once (an express article's
 * job and a localize run) can be refused that way, with the hint to retry. A few retries after a short random delay;
 * any other failure is not retried.
 */
public final class JobStartRetry {

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(5).delay(Duration.ofMillis(50)).jitter(Duration.ofMillis(40)).multiplier(2)
            .predicate(JobStartRetry::serializationFailure).build());

    private JobStartRetry() {
    }

    /** The job's execution; the last failure as thrown when it never started. */
    public static <T> T start(Retryable<T> start) throws Exception {
        try {
            return RETRY.execute(start);
        } catch (RetryException e) {
            Throwable last = e.getCause() == null ? e : e.getCause();
            if (last instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    static boolean serializationFailure(Throwable failure) {
        return FailureCauses.any(failure, t -> t instanceof PessimisticLockingFailureException
                || (t instanceof SQLException sql && "40001".equals(sql.getSQLState())));
    }
}
