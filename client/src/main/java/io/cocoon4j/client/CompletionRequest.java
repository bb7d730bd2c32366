package io.cocoon4j.client;

import io.cocoon4j.protocol.SamplingSpec;
import java.util.Objects;

/**
 * One paid completion.
 *
 * @param model the model's name
 * @param prompt the prompt text (chat messages already rendered)
 * @param maxTokens the most output tokens to pay for; empty: as many as the context leaves, at most
 *     {@link PaidInference#DEFAULT_MAX_TOKENS}
 * @param sampling greedy, or sampled with a public seed
 */
public record CompletionRequest(String model, String prompt, java.util.OptionalInt maxTokens, SamplingSpec sampling) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(sampling, "sampling");
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1, got " + maxTokens.getAsInt());
        }
    }
}
