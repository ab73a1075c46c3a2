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
 */
public class PartitionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler delegate = new StepExecutionRequestHandler();
    private final String node;

    public PartitionRequestHandler(JobRepository jobRepository, Step workerStep, String node) {
        this.jobRepository = jobRepository;
        this.node = node;
        delegate.setJobRepository(jobRepository);
        delegate.setStepLocator(name -> workerStep.getName().equals(name) ? workerStep : null);
    }

    public void handle(StepExecutionRequest request) {
        StepExecution slice = jobRepository.getStepExecution(request.getStepExecutionId());
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
    }
}
