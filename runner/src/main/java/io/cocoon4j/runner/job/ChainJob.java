package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.JobSpec;
import java.util.Objects;

/**
 * A job as its contract holds it.
 *
 * @param spec the job spec fixed at creation
 * @param contextLength the context length the job was created for (the tokens prompt and output
 *     may take together); to move into {@link JobSpec} once it carries it
 * @param state where the job stands
 */
public record ChainJob(JobSpec spec, int contextLength, JobState state) {
    public ChainJob {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        if (contextLength < 1) {
            throw new IllegalArgumentException("a context length is at least 1, got " + contextLength);
        }
    }
}
