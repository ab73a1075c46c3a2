package io.relais.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/** Why a localize run failed, in words an operator can act on: the failing steps and their exceptions. */
@Service
public class RunFailures {

    private final JobRepository jobRepository;

    RunFailures(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** One line per failure of the run and of its steps (language partitions); empty when nothing failed. */
    public List<String> why(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        List<String> reasons = new ArrayList<>();
        if (execution == null) {
            return reasons;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getFailureExceptions().isEmpty()) {
                for (Throwable failure : step.getFailureExceptions()) {
                    reasons.add(step.getStepName() + ": " + describe(failure));
                }
            } else if ("FAILED".equals(step.getExitStatus().getExitCode())
                    && !step.getExitStatus().getExitDescription().isBlank()) {
                // read back from the job repository: only the stored trace is left
                reasons.add(step.getStepName() + ": " + summary(step.getExitStatus().getExitDescription()));
            }
        }
        for (Throwable failure : execution.getFailureExceptions()) {
            reasons.add(describe(failure));
        }
        if (reasons.isEmpty() && !execution.getExitStatus().getExitDescription().isBlank()
                && !"COMPLETED".equals(execution.getExitStatus().getExitCode())) {
            reasons.add(summary(execution.getExitStatus().getExitDescription()));
        }
        return reasons.stream().distinct().toList();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getClass().getSimpleName() + " (" + message + ")";
    }

    /**
     * A stored exit description is a stack trace (the exceptions themselves are not kept by the job repository):
     * its first line and its deepest cause, which is usually what went wrong.
     */
    static String summary(String exitDescription) {
        String[] lines = exitDescription.strip().split("\\R");
        String first = message(lines[0]);
        for (int i = lines.length - 1; i > 0; i--) {
            String line = lines[i].strip();
            if (line.startsWith("Caused by:")) {
                String cause = message(line.substring("Caused by:".length()).strip());
                return cause.equals(first) ? first : first + " — " + cause;
            }
        }
        return first;
    }

    /** The message of a trace line such as {@code some.Exception: message}. */
    private static String message(String line) {
        Matcher m = Pattern.compile("^[\\w.$]+(?:Exception|Error|Throwable)\\w*: (.*)$")
                .matcher(line.strip());
        return m.matches() ? m.group(1) : line.strip();
    }
}
