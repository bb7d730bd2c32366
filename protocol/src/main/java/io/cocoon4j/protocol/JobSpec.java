package io.cocoon4j.protocol;

import java.util.Objects;

/**
 * What a client asks for, as fixed at job creation. The prompt itself is not here: only its
 * {@link InputCommitment}.
 *
 * @param jobId 32 bytes naming the job (on TON: the job contract's account id)
 * @param modelSha256 SHA-256 of the model file (the GGUF bytes)
 * @param engine the engine and determinism profile the result must be reproducible on
 * @param inputCommitment {@link InputCommitment#of} the prompt tokens
 * @param sampling greedy or sampled, with the public seed
 * @param maxTokens the most output tokens the client pays for, at least 1
 */
public record JobSpec(Hash32 jobId, Hash32 modelSha256, EngineId engine, Hash32 inputCommitment,
                      SamplingSpec sampling, int maxTokens) {
    public JobSpec {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(inputCommitment, "inputCommitment");
        Objects.requireNonNull(sampling, "sampling");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
    }
}
