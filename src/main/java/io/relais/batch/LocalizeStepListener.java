package io.relais.batch;

import org.springframework.batch.core.listener.StepListener;

/**
 * Marker for listeners to add to the per-language translation step: any bean implementing it (and a Spring Batch
 * listener interface, such as {@code ItemWriteListener}) is registered on the step — for metrics or auditing.
 */
public interface LocalizeStepListener extends StepListener {
}
