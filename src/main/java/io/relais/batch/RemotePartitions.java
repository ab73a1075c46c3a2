package io.relais.batch;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;

/**
 * Runs the localize step's partitions on other machines (the cluster module implements it: slices of articles sent
 * to worker nodes, which run {@link LocalizeSteps#workerStep}), and the express lane's (one per language, sent to the
 * workers' express queue, which run {@link LocalizeSteps#expressStep}). Without a bean of this type each partition
 * runs in this process, on a thread of its own.
 */
public interface RemotePartitions {

    /** How a run is split; {@code byLanguage} is the local split, one partition per target language. */
    Partitioner partitioner(Partitioner byLanguage);

    /** Hands the partitions of {@link LocalizeSteps#WORKER_STEP} to the workers and waits until they are done. */
    PartitionHandler handler();

    /**
     * Hands an express run's partitions ({@link LocalizeSteps#EXPRESS_STEP}, one per language) to the workers, ahead
     * of the backlog's, and waits until they are done; null: they run in this process.
     */
    default PartitionHandler expressHandler() {
        return null;
    }

    /** Whether this node translates partitions itself (a worker); false: it only hands them out. */
    default boolean translatesHere() {
        return true;
    }
}
