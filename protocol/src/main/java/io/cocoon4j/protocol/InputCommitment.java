package io.cocoon4j.protocol;

/**
 * The commitment to a job's input that goes on-chain instead of the input:
 * {@code SHA-256(0x05 || salt[32] || u32 count || u32 token[0] || … || u32 token[count-1])}, all
 * integers big-endian. The client draws the salt at random and keeps it with the prompt, so short
 * prompts cannot be guessed from the commitment; whoever is shown the prompt and the salt (the
 * runner, a verifier, a juror) recomputes it.
 */
public final class InputCommitment {
    private InputCommitment() {}

    /**
     * Commits to prompt token ids.
     *
     * @throws IllegalArgumentException if a token id is negative
     */
    public static Hash32 of(Hash32 salt, int[] promptTokens) {
        Tokens.requireValid(promptTokens, "prompt");
        return HashDomain.INPUT.hash(new CanonicalWriter()
            .bytes32(salt)
            .u32(promptTokens.length)
            .tokens(promptTokens, 0, promptTokens.length)
            .toByteArray());
    }
}
