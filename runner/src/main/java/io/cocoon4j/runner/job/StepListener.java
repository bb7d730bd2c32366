package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.Hash32;

/** Told each time a job reaches a durable {@link Step} (progress logs, metrics, crash tests). */
@FunctionalInterface
public interface StepListener {

    /** Job {@code jobId} reached {@code step}; the step is durable when this is called. */
    void reached(Hash32 jobId, Step step);

    /** A listener that ignores everything. */
    StepListener NONE = (jobId, step) -> {};
}
