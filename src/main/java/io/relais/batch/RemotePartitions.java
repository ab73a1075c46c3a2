package io.relais.batch;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;

/**
 * Runs the localize step's partitions on other machines (the cluster module implements it: slices of articles sent
 * to worker nodes, which run {@link LocalizeSteps#workerStep}). Without a bean of this type each target language's
 * partition runs in this process, on a thread of its own.
 */
public interface RemotePartitions {

    /** How a run is split; {@code byLanguage} is the local split, one partition per target language. */
    Partitioner partitioner(Partitioner byLanguage);

    /** Hands the partitions of {@link LocalizeSteps#WORKER_STEP} to the workers and waits until they are done. */
    PartitionHandler handler();
}
