package io.cocoon4j.client;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.SamplingSpec;
import java.util.Objects;

/**
 * What a client asks the chain for: a job for one runner's offer, paid for {@code maxTokens} at its price.
 *
 * @param offer the runner and its terms (model, engine, context length, price)
 * @param inputCommitment the commitment to the prompt (never the prompt)
 * @param sampling greedy or sampled with a public seed
 * @param maxTokens the most output tokens paid for
 */
public record JobOrder(RunnerOffer offer, Hash32 inputCommitment, SamplingSpec sampling, int maxTokens) {
    public JobOrder {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(inputCommitment, "inputCommitment");
        Objects.requireNonNull(sampling, "sampling");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
    }

    /** The most the job can pay the runner, in nanotons: {@code maxTokens × price} (network fees not included). */
    public long maxPayment() {
        return Math.multiplyExact((long) maxTokens, offer.pricePerToken());
    }
}
