package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On the cluster tests' PostgreSQL ({@code ./relais test-cluster}): a step's end written through a pooled connection
 * the server has just dropped (terminated by the server, as a restart or fail-over does, after the pool handed it
 * out) is recorded all the same through the retrying repository; the plain repository fails on it, which is what
 * left a cluster run UNKNOWN or STARTED for ever after a database restart.
 */
@Tag("cluster")
class RepositoryRetryPostgresTest {

    private final String url = "jdbc:postgresql://localhost:"
            + System.getProperty("relais.cluster.test.pg-port", "5432") + "/relais_cluster_test";
    private HikariDataSource pool;
    private DroppingDataSource database;
    private JdbcClient admin;
    private JobRepository plain;

    @BeforeEach
    void repository() throws Exception {
        DataSource direct = new DriverManagerDataSource(url, "relais", "relais");
        Flyway.configure().dataSource(direct)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        admin = JdbcClient.create(direct);
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("relais");
        pool.setPassword("relais");
        pool.setMaximumPoolSize(2);
        database = new DroppingDataSource(pool, admin);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(database);
        factory.setTransactionManager(new JdbcTransactionManager(database));
        factory.afterPropertiesSet();
        plain = factory.getObject();
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStepsEndWrittenThroughAConnectionTheServerDroppedIsRecordedAllTheSame() {
        JobRepository retrying = RepositoryRetry.retrying(plain, Duration.ofSeconds(30));
        StepExecution step = startedStep(retrying);

        database.dropTheNextConnection();
        step.setStatus(BatchStatus.COMPLETED);
        retrying.update(step);

        assertThat(database.dropped()).as("the connection handed out was terminated first").isTrue();
        assertThat(admin.sql("select status from batch_step_execution where step_execution_id = ?")
                .param(step.getId()).query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(retrying.getStepExecution(step.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void withoutTheRetryTheSameWriteFailsAndTheStepStaysStarted() {
        StepExecution step = startedStep(plain);

        database.dropTheNextConnection();
        step.setStatus(BatchStatus.COMPLETED);
        Throwable failure = catchThrowable(() -> plain.update(step));

        assertThat(database.dropped()).isTrue();
        assertThat(failure).isNotNull();
        assertThat(RepositoryRetry.databaseOutOfReach(failure)).as(failure.toString()).isTrue();
        assertThat(admin.sql("select status from batch_step_execution where step_execution_id = ?")
                .param(step.getId()).query(String.class).single()).isEqualTo("STARTED");
    }

    private static StepExecution startedStep(JobRepository repository) {
        JobParameters parameters = new JobParametersBuilder().addLong("test.run", System.nanoTime()).toJobParameters();
        JobInstance instance = repository.createJobInstance("repository-retry-test", parameters);
        JobExecution run = repository.createJobExecution(instance, parameters, new ExecutionContext());
        StepExecution step = repository.createStepExecution("slice", run);
        step.setStatus(BatchStatus.STARTED);
        repository.update(step);
        return step;
    }

    /**
     * The pool's connections; once armed, the next one handed out is first terminated by the server
     * ({@code pg_terminate_backend}, what a fast restart does to every session) and handed out all the same, as a pool
     * hands out a connection it checked a moment before the restart.
     */
    private static final class DroppingDataSource extends DelegatingDataSource {

        private final JdbcClient admin;
        private final AtomicBoolean armed = new AtomicBoolean();
        private volatile boolean dropped;

        DroppingDataSource(DataSource pool, JdbcClient admin) {
            super(pool);
            this.admin = admin;
        }

        void dropTheNextConnection() {
            dropped = false;
            armed.set(true);
        }

        boolean dropped() {
            return dropped;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            if (armed.getAndSet(false)) {
                int pid;
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
                    result.next();
                    pid = result.getInt(1);
                }
                assertThat(admin.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single()).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (admin.sql("select count(*) from pg_stat_activity where pid = ?").param(pid)
                        .query(Long.class).single() > 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                dropped = true;
            }
            return connection;
        }
    }
}
