package io.relais.engine.apertium;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relais.engine.TranslationException;

/**
 * One Apertium mode (e.g. {@code fr-es}) kept warm: its programs are started once in null-flush mode
 * ({@code -z}) and connected as a pipeline; each request is written followed by a NUL and answered by
 * everything up to the next NUL. Requests from several threads are written one after the other without waiting for
 * the answers, which come back in the same order: the pipeline's programs work on several requests at once, as they
 * do on a stream (one request at a time would leave all but one of them idle — and the mode is shared by every
 * language that goes through it: fr-ca serves ca, it, pt and an English candidate). A pipeline found dead (a program
 * crashed or was killed) is restarted and the request retried once; a pipeline that answers nothing for the timeout
 * is killed, and its requests retried once on a new one.
 * <p>
 * Framing, as measured on Apertium 3.8 / lttoolbox 3.7: {@code lt-proc -b} only flushes a NUL once it has read
 * one more character, and a sentence-final full stop directly before the NUL can be lost. So each request is
 * sent as {@code text "\n" NUL NUL}: the empty second frame pushes the first one through, and its own (empty)
 * answer is skipped when it arrives.
 */
final class ApertiumPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApertiumPipeline.class);

    /** How much lower a background pipeline's programs run: the kernel gives them a tenth of a foreground program's
     * share of a core when both want it, and all of it when the other does not. */
    static final int NICER = 10;
    /** coreutils' {@code nice}, present on every Debian; null where it is not (background pipelines then run as any). */
    private static final String NICE = Stream.of("/usr/bin/nice", "/bin/nice")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);

    private final String mode;
    private final boolean background;
    private final ProgramStarter starter;
    private final List<List<String>> commands;
    private final Duration timeout;
    private final Path stderrLog;

    /** The running programs and the requests written to them, whose answers are still to come (in order). */
    private Running running;
    private int starts;
    /** Requests written to the programs since the pipeline was made. */
    private long requests;
    /** When a request was last written (nanoTime). */
    private long lastRequest = System.nanoTime();

    private final class Running {
        final List<Process> processes;
        final OutputStream stdin;
        final InputStream stdout;
        final ConcurrentLinkedDeque<CompletableFuture<String>> waiting = new ConcurrentLinkedDeque<>();
        volatile long lastAnswer = System.nanoTime();
        volatile String broken;

        Running(List<Process> processes) {
            this.processes = processes;
            this.stdin = processes.get(0).getOutputStream();
            this.stdout = new BufferedInputStream(processes.get(processes.size() - 1).getInputStream(), 8192);
            Thread reader = new Thread(this::readAnswers, "apertium-" + mode);
            reader.setDaemon(true);
            reader.start();
        }

        boolean alive() {
            return broken == null && processes.stream().allMatch(Process::isAlive);
        }

        /** Hands each non-empty frame to the oldest request waiting (empty frames are the framing's echo). */
        private void readAnswers() {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(4096);
            try {
                while (true) {
                    int b = stdout.read();
                    if (b < 0) {
                        throw new IOException("the pipeline closed its output");
                    }
                    if (b != 0) {
                        frame.write(b);
                        continue;
                    }
                    if (frame.size() == 0) {
                        continue;
                    }
                    lastAnswer = System.nanoTime();
                    CompletableFuture<String> next = waiting.pollFirst();
                    if (next == null) {
                        throw new IOException("an answer nobody asked for");
                    }
                    next.complete(frame.toString(StandardCharsets.UTF_8));
                    frame.reset();
                }
            } catch (IOException e) {
                fail(e.getMessage());
            }
        }

        /** Marks the pipeline broken and fails every request still waiting (each is retried once by its caller). */
        void fail(String reason) {
            if (broken == null) {
                broken = reason;
            }
            CompletableFuture<String> next;
            while ((next = waiting.pollFirst()) != null) {
                next.completeExceptionally(new PipelineBroken(reason));
            }
        }

        void stop() {
            fail("stopped");
            for (Process p : processes) {
                p.destroyForcibly();
            }
            for (Process p : processes) {
                try {
                    p.waitFor(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    ApertiumPipeline(String mode, List<List<String>> commands, Duration timeout, ProgramStarter starter) {
        this(mode, commands, timeout, starter, false);
    }

    /**
     * @param background whether the pipeline serves background work ({@link io.relais.engine.BackgroundWork}): its
     *                   programs then run {@value #NICER} nice levels below the service (where {@code nice} exists)
     */
    ApertiumPipeline(String mode, List<List<String>> commands, Duration timeout, ProgramStarter starter,
                     boolean background) {
        this.mode = mode;
        this.starter = starter;
        this.background = background;
        this.commands = background && NICE != null
                ? commands.stream().map(c -> {
                    List<String> lowered = new ArrayList<>(List.of(NICE, "-n", Integer.toString(NICER)));
                    lowered.addAll(c);
                    return List.copyOf(lowered);
                }).toList()
                : List.copyOf(commands);
        this.timeout = timeout;
        try {
            this.stderrLog = Files.createTempFile("relais-apertium-" + mode + "-", ".log");
            this.stderrLog.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new TranslationException("cannot create a log file for Apertium " + mode, e);
        }
    }

    String mode() {
        return mode;
    }

    /** How many times the programs were started (1 when it never had to restart). */
    synchronized int starts() {
        return starts;
    }

    /** Requests written to the programs (a request that failed and was written again counts twice). */
    synchronized long requests() {
        return requests;
    }

    /** The running programs, first to last (for health checks and tests). */
    synchronized List<Process> processes() {
        return running == null ? List.of() : List.copyOf(running.processes);
    }

    synchronized boolean isAlive() {
        return running != null && running.alive();
    }

    /** Translates one request in stream format; returns the output in stream format. */
    String translate(String streamText) {
        try {
            return attempt(streamText);
        } catch (PipelineBroken first) {
            log.warn("Apertium {} pipeline failed ({}); restarting it and retrying once", mode, first.getMessage());
            try {
                return attempt(streamText);
            } catch (PipelineBroken second) {
                throw new TranslationException("Apertium " + mode + " failed twice: " + second.getMessage()
                        + stderrTail(), second);
            }
        }
    }

    private String attempt(String streamText) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Running pipeline;
        long written;
        synchronized (this) {
            // one writer at a time, so that the answers come back in the order the requests were queued
            if (running == null || !running.alive()) {
                if (running != null) {
                    running.stop();
                }
                running = starter.call(this::start);
            }
            pipeline = running;
            requests++;
            lastRequest = System.nanoTime();
            pipeline.waiting.addLast(answer);
            try {
                pipeline.stdin.write(streamText.replace("\0", "").getBytes(StandardCharsets.UTF_8));
                pipeline.stdin.write(new byte[] {'\n', 0, 0});
                pipeline.stdin.flush();
            } catch (IOException e) {
                pipeline.fail("cannot write to it: " + e.getMessage());
            }
            written = System.nanoTime();
        }
        return await(answer, pipeline, written);
    }

    /**
     * The answer, unless the pipeline stops answering: it is hung when neither this request nor any before it was
     * answered for the timeout (a request queued behind others is not late while they are being answered).
     */
    private String await(CompletableFuture<String> answer, Running pipeline, long written) {
        try {
            while (true) {
                try {
                    String out = answer.get(Math.min(timeout.toMillis(), 1000), TimeUnit.MILLISECONDS);
                    return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
                } catch (TimeoutException e) {
                    long quiet = System.nanoTime() - Math.max(written, pipeline.lastAnswer);
                    if (quiet > timeout.toNanos()) {
                        String reason = "no answer within " + timeout.toSeconds() + " s";
                        synchronized (this) {
                            pipeline.fail(reason);
                            pipeline.stop();
                        }
                        throw new PipelineBroken(reason);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PipelineBroken broken ? broken : new PipelineBroken(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new PipelineBroken("interrupted");
        }
    }

    private Running start() {
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> command : commands) {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
            builder.environment().put("LC_ALL", "C.UTF-8");
            builders.add(builder);
        }
        List<Process> processes;
        try {
            processes = ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            throw new TranslationException("cannot start Apertium " + mode + ": " + e.getMessage()
                    + " (is Apertium installed? ./relais run installs it)", e);
        }
        starts++;
        log.info("Started Apertium {} pipeline{} ({} programs, start #{})", mode,
                background ? " for background work" + (NICE == null ? "" : " (nice +" + NICER + ")") : "",
                processes.size(), starts);
        return new Running(processes);
    }

    private String stderrTail() {
        try {
            String all = Files.readString(stderrLog, StandardCharsets.UTF_8);
            String tail = all.length() > 500 ? all.substring(all.length() - 500) : all;
            return tail.isBlank() ? "" : "; Apertium said: " + tail.strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Stops the programs if no request was written for {@code idle} and none is waiting for its answer: a later
     * request starts them again. For background pipelines, whose programs hold as much memory as the foreground's.
     */
    synchronized boolean stopIfIdle(Duration idle) {
        if (running == null || !running.waiting.isEmpty() || System.nanoTime() - lastRequest < idle.toNanos()) {
            return false;
        }
        running.stop();
        running = null;
        log.info("Stopped Apertium {} pipeline{}: no request for {} s", mode, background ? " for background work" : "",
                idle.toSeconds());
        return true;
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    private static final class PipelineBroken extends RuntimeException {
        PipelineBroken(String message) {
            super(message);
        }
    }
}
