package io.cocoon4j.runner.job;

import java.time.Instant;
import java.util.Objects;

/** A job contract's state, as the runner that reads it needs it. */
public sealed interface JobState {

    /** Waiting for a runner. */
    record Open() implements JobState {}

    /** Accepted by this runner (a job another runner accepted is {@link Closed} to this one). */
    record Accepted() implements JobState {}

    /**
     * This runner's commitment is on-chain.
     *
     * @param challengeWindowEnds when finalizing becomes possible if nobody challenges
     */
    record Committed(Instant challengeWindowEnds) implements JobState {
        public Committed {
            Objects.requireNonNull(challengeWindowEnds, "challengeWindowEnds");
        }
    }

    /** A verifier challenged the commitment; a jury decides. */
    record Challenged() implements JobState {}

    /** Finalized: paid out and closed. */
    record Finalized() implements JobState {}

    /**
     * Closed without this runner's result being paid: cancelled, expired, slashed, or taken by another runner.
     *
     * @param why one line
     */
    record Closed(String why) implements JobState {}
}
