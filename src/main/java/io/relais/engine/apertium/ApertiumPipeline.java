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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relais.engine.TranslationException;

/**
 * One Apertium mode (e.g. {@code fr-es}) kept warm: its programs are started once in null-flush mode
 * ({@code -z}) and connected as a pipeline; each request is written followed by a NUL and answered by
 * everything up to the next NUL. A pipeline found dead (a program crashed or was killed) is restarted and the
 * request retried once; a request that takes longer than the timeout kills the pipeline.
 * <p>
 * Framing, as measured on Apertium 3.8 / lttoolbox 3.7: {@code lt-proc -b} only flushes a NUL once it has read
 * one more character, and a sentence-final full stop directly before the NUL can be lost. So each request is
 * sent as {@code text "\n" NUL NUL}: the empty second frame pushes the first one through, and its own (empty)
 * answer is skipped when it arrives.
 */
final class ApertiumPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApertiumPipeline.class);

    private final String mode;
    private final List<List<String>> commands;
    private final Duration timeout;
    private final ExecutorService reader;
    private final Path stderrLog;

    private List<Process> processes = List.of();
    private OutputStream stdin;
    private InputStream stdout;
    private int starts;

    ApertiumPipeline(String mode, List<List<String>> commands, Duration timeout) {
        this.mode = mode;
        this.commands = List.copyOf(commands);
        this.timeout = timeout;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "apertium-" + mode);
            t.setDaemon(true);
            return t;
        });
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

    /** The running programs, first to last (for health checks and tests). */
    synchronized List<Process> processes() {
        return List.copyOf(processes);
    }

    synchronized boolean isAlive() {
        return !processes.isEmpty() && processes.stream().allMatch(Process::isAlive);
    }

    /** Translates one request in stream format; returns the output in stream format. */
    synchronized String translate(String streamText) {
        try {
            return attempt(streamText);
        } catch (PipelineBroken first) {
            log.warn("Apertium {} pipeline failed ({}); restarting it and retrying once", mode, first.getMessage());
            stop();
            try {
                return attempt(streamText);
            } catch (PipelineBroken second) {
                stop();
                throw new TranslationException("Apertium " + mode + " failed twice: " + second.getMessage()
                        + stderrTail(), second);
            }
        }
    }

    private String attempt(String streamText) {
        if (!isAlive()) {
            stop();
            start();
        }
        Future<String> answer = reader.submit(this::readFrame);
        try {
            stdin.write(streamText.replace("\0", "").getBytes(StandardCharsets.UTF_8));
            stdin.write(new byte[] {'\n', 0, 0});
            stdin.flush();
        } catch (IOException e) {
            answer.cancel(true);
            throw new PipelineBroken("cannot write to it: " + e.getMessage());
        }
        try {
            String out = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new PipelineBroken("no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new PipelineBroken(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new PipelineBroken("interrupted");
        }
    }

    /** Reads up to the next NUL that ends a non-empty frame (empty frames are the framing's echo). */
    private String readFrame() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(4096);
        while (true) {
            int b = stdout.read();
            if (b < 0) {
                throw new IOException("the pipeline closed its output");
            }
            if (b == 0) {
                if (frame.size() > 0) {
                    return frame.toString(StandardCharsets.UTF_8);
                }
                continue;
            }
            frame.write(b);
        }
    }

    private void start() {
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> command : commands) {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
            builder.environment().put("LC_ALL", "C.UTF-8");
            builders.add(builder);
        }
        try {
            processes = ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            throw new TranslationException("cannot start Apertium " + mode + ": " + e.getMessage()
                    + " (is Apertium installed? ./relais run installs it)", e);
        }
        stdin = processes.get(0).getOutputStream();
        stdout = new BufferedInputStream(processes.get(processes.size() - 1).getInputStream(), 8192);
        starts++;
        log.info("Started Apertium {} pipeline ({} programs, start #{})", mode, processes.size(), starts);
    }

    private void stop() {
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
        processes = List.of();
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

    @Override
    public synchronized void close() {
        stop();
        reader.shutdownNow();
    }

    private static final class PipelineBroken extends RuntimeException {
        PipelineBroken(String message) {
            super(message);
        }
    }
}
