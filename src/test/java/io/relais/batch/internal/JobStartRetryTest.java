package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** A job start refused as a serialization failure is tried again; any other failure is not. */
class JobStartRetryTest {

    final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aSerializationFailureIsRetriedUntilTheStartSucceeds() throws Exception {
        String started = JobStartRetry.start(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("start failed", new SQLException(
                        "could not serialize access due to read/write dependencies among transactions", "40001"));
            }
            return "run #7";
        });

        assertThat(started).isEqualTo("run #7");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anotherFailureIsThrownAsItWasAtOnceAndAnEndlessConflictAfterAFewTries() {
        assertThatThrownBy(() -> JobStartRetry.start(() -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate job instance");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> JobStartRetry.start(() -> {
            attempts.incrementAndGet();
            throw new CannotAcquireLockException("still in conflict");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(attempts).hasValue(6);
    }
}
