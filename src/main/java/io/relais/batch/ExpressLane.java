package io.relais.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.relais.batch.internal.FailureCauses;
import io.relais.batch.internal.JobStartRetry;

/**
 * The express lane: a new or revised article is translated at once, into every language in parallel and its
 * segments across the cores, ahead of any backlog run (which yields to it between chunks), and each language's
 * feeds follow as soon as it is stored. Each run is a Spring Batch job ({@value LocalizeSteps#EXPRESS_JOB}) recorded
 * in the job repository, restartable, with the backlog's processor, idempotent writer and claims, so an article is
 * never translated twice, whichever lane reaches it first.
 * <p>
 * One run at a time on this node: the articles that arrive during a run wait, and the next run takes all of them
 * together — under a burst the lane turns into batches by itself. At most {@code relais.batch.express.max-queue}
 * wait; an arrival beyond that is left to the backlog job ({@link #accept} says no, and the caller starts the
 * debounced run), as is a run that did not complete.
 */
@Service
public class ExpressLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExpressLane.class);
    public static final String DELAY_METRIC = "relais.express.delay";

    private final JobOperator jobOperator;
    private final Job expressJob;
    private final RunGate gate;
    private final boolean enabled;
    private final int maxQueue;
    private final Set<Long> waiting = new LinkedHashSet<>();
    /** When each article still being worked on was accepted (nanoTime), for {@value #DELAY_METRIC}. */
    private final Map<Long, Long> acceptedAt = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Deque<JobExecution> restarts = new ArrayDeque<>();
    private final Thread worker;
    private final Counter handedOver;
    private volatile Runnable handOver = () -> { };
    private boolean busy;
    private boolean closed;

    ExpressLane(JobOperator jobOperator, @Qualifier("expressJob") Job expressJob, BatchSettings settings,
                ObjectProvider<MeterRegistry> meters, ObjectProvider<RunGate> gate) {
        this.jobOperator = jobOperator;
        this.gate = gate.getIfAvailable(() -> RunGate.IN_PROCESS);
        this.expressJob = expressJob;
        this.enabled = settings.express().enabled();
        this.maxQueue = settings.express().maxQueue();
        this.registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("relais.express.waiting", this, ExpressLane::waiting)
                    .description("articles waiting for the express lane").register(registry);
            handedOver = Counter.builder("relais.express.handed-over")
                    .description("articles left to the backlog job: the express queue was full, or its run failed")
                    .register(registry);
        } else {
            handedOver = null;
        }
        worker = new Thread(this::work, "express-lane");
        worker.setDaemon(true);
        if (enabled) {
            worker.start();
        }
    }

    /** What to do with articles the lane cannot take or could not finish: start the backlog's debounced run. */
    void onHandOver(Runnable handOver) {
        this.handOver = handOver;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes an article for the next express run; false when the lane is off or {@code max-queue} articles wait already
     * (the backlog job is then the one to translate it).
     */
    public synchronized boolean accept(long articleId) {
        if (!enabled || closed) {
            return false;
        }
        if (!waiting.contains(articleId) && waiting.size() >= maxQueue) {
            if (handedOver != null) {
                handedOver.increment();
            }
            return false;
        }
        waiting.add(articleId);
        acceptedAt.putIfAbsent(articleId, System.nanoTime());
        notifyAll();
        return true;
    }

    /**
     * An article's translation into a language was stored by an express step on this node: records the time since the
     * lane accepted it ({@value #DELAY_METRIC}, tag {@code lang}; where the lane that accepted it runs on another node,
     * nothing is recorded).
     */
    public void stored(long articleId, String lang) {
        Long accepted = acceptedAt.get(articleId);
        if (accepted != null && registry != null) {
            Timer.builder(DELAY_METRIC).tag("lang", lang)
                    .description("from the express lane taking an article to its translation into the language stored")
                    .register(registry).record(System.nanoTime() - accepted, TimeUnit.NANOSECONDS);
        }
    }

    /** Restarts an express run that did not end (its process died), ahead of new arrivals. */
    public synchronized void restart(JobExecution execution) {
        restarts.addLast(execution);
        notifyAll();
    }

    /** Articles waiting for a run. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Whether nothing waits and no run is going on. */
    public synchronized boolean idle() {
        return waiting.isEmpty() && restarts.isEmpty() && !busy;
    }

    private void work() {
        while (true) {
            List<Long> group;
            JobExecution restart;
            synchronized (this) {
                while (!closed && waiting.isEmpty() && restarts.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                restart = restarts.pollFirst();
                group = restart != null ? List.of() : new ArrayList<>(waiting);
                if (restart == null) {
                    waiting.clear();
                }
                busy = true;
            }
            try {
                if (restart != null) {
                    restartRun(restart);
                } else {
                    run(group);
                }
            } finally {
                group.forEach(acceptedAt::remove);
                synchronized (this) {
                    busy = false;
                    notifyAll();
                }
            }
        }
    }

    private void run(List<Long> articles) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(LocalizeSteps.ARTICLES, articles.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .addLong("queued.at", System.currentTimeMillis());
        String manager = gate.expressManager();
        if (manager != null) {
            builder.addString(LocalizeSteps.MANAGER, manager, false);
        }
        JobParameters parameters = builder.toJobParameters();
        try {
            JobExecution execution = gate.managingExpress(() -> start(parameters));
            ended(execution, articles.size() + " article(s) " + articles);
        } catch (Exception e) {
            if (FailureCauses.any(e, OptimisticLockingFailureException.class::isInstance)) {
                // a cluster's node found this one's lease run out (paused, cut off from the database) and abandoned
                // the run: it is not fought over, and what it left goes to the backlog job
                log.warn("Express run for articles {} was abandoned by another node while it ran here ({}); the "
                        + "backlog job takes them", articles, e.getMessage());
            } else {
                log.error("Express run for articles {} could not start: {}; the backlog job takes them", articles,
                        e.toString(), e);
            }
            handOver(articles.size());
        }
    }

    private JobExecution start(JobParameters parameters) {
        try {
            return JobStartRetry.start(() -> jobOperator.start(expressJob, parameters));
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Only on one machine: a cluster's express run whose manager died is abandoned by another node, not restarted. */
    private void restartRun(JobExecution stopped) {
        try {
            JobExecution execution = jobOperator.restart(stopped);
            ended(execution, "restart of run #" + stopped.getId());
        } catch (Exception e) {
            log.error("Express run #{} could not be restarted: {}; the backlog job takes its articles", stopped.getId(),
                    e.toString());
            handOver(1);
        }
    }

    private void ended(JobExecution execution, String what) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.debug("Express run #{} ({}) completed", execution.getId(), what);
        } else if (!closed) {
            log.warn("Express run #{} ({}) ended {}: the backlog job takes what it left", execution.getId(), what,
                    execution.getStatus());
            handOver(1);
        }
    }

    private void handOver(int articles) {
        if (handedOver != null) {
            handedOver.increment(articles);
        }
        handOver.run();
    }

    /**
     * Takes no more articles and lets the run in progress finish (for up to 30 s: a run cut short is marked FAILED and
     * restarted at the next start, so nothing is lost either way).
     */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (busy && System.nanoTime() < deadline) {
            try {
                wait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
