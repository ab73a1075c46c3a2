package io.relais.cluster.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * A worker's side of a partition message: runs the slice through Spring Batch's {@link StepExecutionRequestHandler}
 * unless the repository says there is nothing to do — the slice already completed (a message redelivered after a
 * broker restart) or its run has ended (the manager gave up). A slice whose worker died mid-way is still STARTED:
 * its message comes back from the broker (never acknowledged) and another worker runs what is still missing.
 * <p>
 * The message is done with only when the repository records the slice's end: a slice that could not run, or whose
 * end could not be recorded (the database out of reach, restarting), is handed back to the queue, after a pause so
 * that a worker cut off from the database does not spin on it, and another worker (or this one, later) runs what
 * is missing. Two workers on one slice store nothing twice: the step execution's version makes the chunk of the
 * one that lost the slice roll back, and a translation already stored is not stored again.
 */
public class PartitionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler delegate = new StepExecutionRequestHandler();
    private final String node;
    private static final long HAND_BACK_PAUSE_MS = 3000;

    public PartitionRequestHandler(JobRepository jobRepository, Step workerStep, String node) {
        this.jobRepository = jobRepository;
        this.node = node;
        delegate.setJobRepository(jobRepository);
        delegate.setStepLocator(name -> workerStep.getName().equals(name) ? workerStep : null);
    }

    public void handle(StepExecutionRequest request) {
        StepExecution slice;
        try {
            slice = jobRepository.getStepExecution(request.getStepExecutionId());
        } catch (RuntimeException e) {
            throw handBack(request, "cannot read it from the job repository: " + e.getMessage());
        }
        if (slice == null) {
            log.warn("Partition {} is not in the job repository: dropped", request);
            return;
        }
        if (slice.getStatus() == BatchStatus.COMPLETED || !slice.getJobExecution().isRunning()) {
            log.info("Partition {} ({}) has nothing left to do: run {} is {}, the slice {}", slice.getId(),
                    slice.getStepName(), slice.getJobExecutionId(), slice.getJobExecution().getStatus(),
                    slice.getStatus());
            return;
        }
        log.info("Partition {} ({}) starting on {}", slice.getId(), slice.getStepName(), node);
        if (slice.getStatus() == BatchStatus.STARTED) {
            log.warn("Partition {} ({}) was started elsewhere and not finished: running what is missing",
                    slice.getId(), slice.getStepName());
        }
        StepExecution done = delegate.handle(request);
        log.info("Partition {} ({}) {}: {} read, {} written", done.getId(), done.getStepName(), done.getStatus(),
                done.getReadCount(), done.getWriteCount());
        StepExecution recorded;
        try {
            recorded = jobRepository.getStepExecution(request.getStepExecutionId());
        } catch (RuntimeException e) {
            throw handBack(request, "cannot read its end from the job repository: " + e.getMessage());
        }
        if (recorded == null || recorded.getStatus().isRunning() || recorded.getStatus() == BatchStatus.UNKNOWN) {
            throw handBack(request, "the job repository shows it " + (recorded == null ? "missing" : recorded.getStatus())
                    + " after it ran here " + done.getStatus());
        }
    }

    /** Logs why, waits a little, and returns the exception that sends the message back to the queue. */
    private RuntimeException handBack(StepExecutionRequest request, String why) {
        log.warn("Partition {} handed back to the queue: {}", request.getStepExecutionId(), why);
        try {
            Thread.sleep(HAND_BACK_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("partition " + request.getStepExecutionId() + " handed back: " + why);
    }
}
