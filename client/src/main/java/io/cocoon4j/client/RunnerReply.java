package io.cocoon4j.client;

import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.job.SignedCommitment;
import java.util.Objects;

/**
 * What a runner streamed for a job: the output token ids, why generation stopped, and the
 * commitment it says it posted (checked against the chain by {@link PaidInference}).
 */
public record RunnerReply(int[] tokens, StopReason stop, SignedCommitment commitment) {
    public RunnerReply {
        tokens = Objects.requireNonNull(tokens, "tokens").clone();
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(commitment, "commitment");
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
