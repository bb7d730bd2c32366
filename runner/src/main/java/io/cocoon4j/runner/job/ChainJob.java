package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.JobSpec;
import java.util.Objects;

/**
 * A job as its contract holds it.
 *
 * @param spec the job spec fixed at creation (its context length included)
 * @param state where the job stands
 */
public record ChainJob(JobSpec spec, JobState state) {
    public ChainJob {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
    }
}
