package io.cocoon4j.protocol.sampling;

/** The outcome of checking one claimed token against a verifier's logits under a {@link Tolerance}. */
public sealed interface TokenCheck {
    /** What the verifier saw. */
    TokenEvidence evidence();

    /** True for {@link Pass}. */
    default boolean passed() {
        return this instanceof Pass;
    }

    /** The claimed token is reproducible within the tolerance. */
    record Pass(TokenEvidence evidence) implements TokenCheck {}

    /**
     * No logits within the tolerance of the verifier's would have produced the claimed token.
     *
     * @param reason one line a person (or a juror) can read
     */
    record Fail(TokenEvidence evidence, String reason) implements TokenCheck {}
}
