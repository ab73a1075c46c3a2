package io.relais.batch.internal;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

/**
 * The backlog step's transaction manager: before each chunk's transaction begins, a backlog thread that runs at the
 * process's own priority (a cluster worker's slice; a machine where {@link BacklogThreads} could not lower it) yields
 * to express work running on this node ({@link LaneGate}); one the kernel already ranks below the express lane goes on. Between two chunks nothing is open — no transaction, no connection, no
 * claim, no lock — so a paused backlog holds up nothing the express lane needs. Written by hand because Spring
 * Batch has no hook between chunks outside their transaction; the chunk's template is the one caller.
 */
final class YieldingTransactionManager implements PlatformTransactionManager {

    private final PlatformTransactionManager delegate;
    private final LaneGate gate;

    YieldingTransactionManager(PlatformTransactionManager delegate, LaneGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        gate.backlogChunk();
        try {
            if (!BacklogThreads.lowered()) {
                // a thread the kernel already ranks below the express lane goes on; any other waits for it
                gate.awaitBacklogTurn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionSystemException("interrupted while yielding to the express lane");
        }
        return delegate.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) {
        delegate.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) {
        delegate.rollback(status);
    }
}
