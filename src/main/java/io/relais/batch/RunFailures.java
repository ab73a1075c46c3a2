package io.relais.batch;

import java.util.ArrayList;
import java.util.List;

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
            for (Throwable failure : step.getFailureExceptions()) {
                reasons.add(step.getStepName() + ": " + describe(failure));
            }
            if (reasons.isEmpty() && "FAILED".equals(step.getExitStatus().getExitCode())
                    && !step.getExitStatus().getExitDescription().isBlank()) {
                reasons.add(step.getStepName() + ": " + firstLine(step.getExitStatus().getExitDescription()));
            }
        }
        for (Throwable failure : execution.getFailureExceptions()) {
            reasons.add(describe(failure));
        }
        if (reasons.isEmpty() && !execution.getExitStatus().getExitDescription().isBlank()
                && !"COMPLETED".equals(execution.getExitStatus().getExitCode())) {
            reasons.add(firstLine(execution.getExitStatus().getExitDescription()));
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

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
