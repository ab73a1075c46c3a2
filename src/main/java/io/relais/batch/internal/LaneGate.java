package io.relais.batch.internal;

import org.springframework.stereotype.Component;

/**
 * The express lane's priority on this machine's cores: while an express step runs here, backlog steps here wait
 * before their next chunk (a chunk in progress finishes; chunk-size 1, the default, makes that one article). On two
 * cores, five backlog threads would otherwise take five sevenths of the CPU from a breaking article.
 */
@Component
public class LaneGate {

    private int express;

    /** An express step starts on this node. */
    public synchronized void enter() {
        express++;
    }

    /** An express step ended on this node. */
    public synchronized void leave() {
        express = Math.max(0, express - 1);
        if (express == 0) {
            notifyAll();
        }
    }

    /** Whether express work runs on this node now. */
    public synchronized boolean expressRunning() {
        return express > 0;
    }

    /** Blocks a backlog thread, between two chunks, while express work runs on this node. */
    public synchronized void awaitBacklogTurn() throws InterruptedException {
        while (express > 0) {
            wait();
        }
    }
}
