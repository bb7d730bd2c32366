package io.cocoon4j.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The private part of a job: the prompt token ids and the salt of the on-chain
 * {@link InputCommitment}. The client sends it to the runner over RA-TLS; a verifier is shown it
 * inside an enclave, or by the client in a dispute.
 *
 * @param salt the 32-byte salt the client drew
 * @param promptTokens the prompt token ids, BOS included if the job used one
 */
public record JobInput(Hash32 salt, int[] promptTokens) {
    /** @throws IllegalArgumentException if a prompt token id is negative (no commitment can encode it) */
    public JobInput {
        Objects.requireNonNull(salt, "salt");
        promptTokens = Objects.requireNonNull(promptTokens, "promptTokens").clone();
        // Refused here, so that computing the commitment during verification cannot fail.
        InputCommitment.of(salt, promptTokens);
    }

    /** The commitment that must equal the job's {@code inputCommitment}. */
    public Hash32 commitment() {
        return InputCommitment.of(salt, promptTokens);
    }

    @Override
    public int[] promptTokens() {
        return promptTokens.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobInput j && salt.equals(j.salt) && Arrays.equals(promptTokens, j.promptTokens);
    }

    @Override
    public int hashCode() {
        return salt.hashCode() * 31 + Arrays.hashCode(promptTokens);
    }

    @Override
    public String toString() {
        return "JobInput[salt=" + salt + ", promptTokens=" + promptTokens.length + "]";
    }
}
