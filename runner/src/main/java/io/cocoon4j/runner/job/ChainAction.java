package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.Hash32;
import java.util.Objects;

/** The on-chain actions a runner takes on a job, each sent as one message from its operator wallet. */
public sealed interface ChainAction {

    /** The job the action is about. */
    Hash32 jobId();

    /** The action's name in the journal. */
    String name();

    /** Take the job: the operator locks part of its stake for it. */
    record Accept(Hash32 jobId) implements ChainAction {
        public Accept {
            Objects.requireNonNull(jobId, "jobId");
        }

        @Override
        public String name() {
            return "accept";
        }
    }

    /** Post the result commitment, signed by the enclave key; opens the challenge window. */
    record Commit(Hash32 jobId, SignedCommitment commitment) implements ChainAction {
        public Commit {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(commitment, "commitment");
            if (!commitment.commitment().jobId().equals(jobId)) {
                throw new IllegalArgumentException("the commitment is for job " + commitment.commitment().jobId()
                    + ", not " + jobId);
            }
        }

        @Override
        public String name() {
            return "commit";
        }
    }

    /** Close the job after an unchallenged window: the runner is paid, the client refunded the rest. */
    record Finalize(Hash32 jobId) implements ChainAction {
        public Finalize {
            Objects.requireNonNull(jobId, "jobId");
        }

        @Override
        public String name() {
            return "finalize";
        }
    }
}
