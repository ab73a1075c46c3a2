package io.relais.cluster.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.transaction.TransactionException;

/**
 * The manager's side of a cluster run: one message per slice to the workers, then the job repository read every
 * {@code relais.cluster.poll-interval} until every slice has ended. Spring Batch's
 * {@code MessageChannelPartitionHandler} does the same but fails the run at the first read that fails; here a
 * database that restarts or a connection that drops only delays the next read: the workers go on with their slices
 * while the manager cannot see them, and the run ends when they have (a slice recorded UNKNOWN, handed back to the
 * queue, has not ended yet).
 */
class SliceHandOut extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(SliceHandOut.class);

    private final JobRepository jobRepository;
    private final MessagingTemplate messaging;
    private final String stepName;
    private final Duration pollInterval;
    private final Duration timeout;

    SliceHandOut(JobRepository jobRepository, MessagingTemplate messaging, String stepName, Duration pollInterval,
                 Duration timeout) {
        this.jobRepository = jobRepository;
        this.messaging = messaging;
        this.stepName = stepName;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> slices) throws Exception {
        if (slices.isEmpty()) {
            return slices;
        }
        long run = manager.getJobExecutionId();
        int sequence = 0;
        for (StepExecution slice : slices) {
            messaging.send(MessageBuilder.withPayload(new StepExecutionRequest(stepName, slice.getId()))
                    .setSequenceNumber(sequence++)
                    .setSequenceSize(slices.size())
                    .setCorrelationId(run + ":" + stepName)
                    .build());
        }
        Set<Long> ids = slices.stream().map(StepExecution::getId).collect(Collectors.toSet());
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean blind = false;
        while (true) {
            try {
                JobExecution execution = jobRepository.getJobExecution(run);
                if (execution.getStatus() == BatchStatus.ABANDONED) {
                    // another node found this manager gone (its lease ran out: paused, or cut off) and abandoned the
                    // run: its slices are dropped by the workers and its work done by the next run
                    throw new IllegalStateException("run " + run + " was abandoned by another node: "
                            + execution.getExitStatus().getExitDescription());
                }
                Set<StepExecution> ended = execution.getStepExecutions().stream()
                        .filter(step -> ids.contains(step.getId()) && ended(step))
                        .collect(Collectors.toSet());
                if (blind) {
                    blind = false;
                    log.info("Run {}: the job repository answers again ({} of {} slices ended)", run, ended.size(),
                            ids.size());
                }
                if (ended.size() == ids.size()) {
                    return ended;
                }
            } catch (DataAccessException | TransactionException e) {
                if (!blind) {
                    blind = true;
                    log.warn("Run {}: cannot read the job repository ({}); the workers go on, reading again every {}",
                            run, e.getMessage(), pollInterval);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("run " + run + ": not every slice ended within " + timeout
                        + " (relais.cluster.partition-timeout)");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /**
     * Whether the slice has ended. UNKNOWN is not an end here: Spring Batch records it when a step's end could not be
     * written (the database dropped the connection), and the worker then hands the slice back to the queue, where it
     * is run again; counted as ended, it made the whole run end UNKNOWN while its slice was still being done.
     */
    private static boolean ended(StepExecution slice) {
        return !slice.getStatus().isRunning() && slice.getStatus() != BatchStatus.UNKNOWN;
    }
}
