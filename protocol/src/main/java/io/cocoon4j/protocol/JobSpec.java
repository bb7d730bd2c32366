package io.cocoon4j.protocol;

import java.util.Objects;

/**
 * What a client asks for, as fixed at job creation. The prompt itself is not here: only its
 * {@link InputCommitment}.
 *
 * <p>The engine and its context length are part of the job, not of whoever runs or checks it: an
 * honest output of {@code n} tokens after a prompt of {@code P} tokens needs
 * {@code P + n - 1 <= contextLength} (the last token is chosen, never fed back), so at most
 * {@link #contextRoom(int)} tokens fit, and a runner may stop short of {@code maxTokens} only at an
 * end-of-generation token or when that room is used up.
 *
 * @param jobId 32 bytes naming the job (on TON: the job contract's account id)
 * @param modelSha256 SHA-256 of the model file (the GGUF bytes)
 * @param engine the engine and determinism profile the result must be reproducible on
 * @param contextLength the tokens the runner's context holds (prompt and output), at least 1
 * @param inputCommitment {@link InputCommitment#of} the prompt tokens
 * @param sampling greedy or sampled, with the public seed
 * @param maxTokens the most output tokens the client pays for, at least 1
 */
public record JobSpec(Hash32 jobId, Hash32 modelSha256, EngineId engine, int contextLength, Hash32 inputCommitment,
                      SamplingSpec sampling, int maxTokens) {
    public JobSpec {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(inputCommitment, "inputCommitment");
        Objects.requireNonNull(sampling, "sampling");
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be at least 1, got " + contextLength);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
    }

    /**
     * The most output tokens this job's context leaves room for after a prompt of
     * {@code promptTokens}: {@code contextLength - promptTokens + 1}, or 0 if the prompt does not
     * fit. Not capped by {@code maxTokens}.
     *
     * @throws IllegalArgumentException if {@code promptTokens} is negative
     */
    public int contextRoom(int promptTokens) {
        if (promptTokens < 0) {
            throw new IllegalArgumentException("a prompt cannot have " + promptTokens + " tokens");
        }
        return (int) Math.max(0, (long) contextLength - promptTokens + 1);
    }
}
