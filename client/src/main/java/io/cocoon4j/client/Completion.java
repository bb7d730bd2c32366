package io.cocoon4j.client;

import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.job.SignedCommitment;
import java.util.Objects;

/**
 * A paid completion whose output matches the runner's on-chain commitment.
 *
 * @param job the job as the chain fixed it
 * @param text the output as text (invalid UTF-8 from byte tokens replaced by U+FFFD)
 * @param tokens the output token ids
 * @param promptTokens how many tokens the prompt had
 * @param stop why generation stopped
 * @param costNanoton what the job pays the runner: output tokens × price (network fees not included)
 * @param commitment the commitment on-chain
 * @param verification how far it was checked locally
 */
public record Completion(JobSpec job, String text, int[] tokens, int promptTokens, StopReason stop, long costNanoton,
                         SignedCommitment commitment, Verification verification) {
    public Completion {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(text, "text");
        tokens = Objects.requireNonNull(tokens, "tokens").clone();
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(verification, "verification");
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** Output tokens, as OpenAI's {@code completion_tokens} counts them. */
    public int completionTokens() {
        return tokens.length;
    }
}
