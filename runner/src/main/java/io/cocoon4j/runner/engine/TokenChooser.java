package io.cocoon4j.runner.engine;

import io.cocoon4j.protocol.sampling.Sampler;

/**
 * Picks the next token from the logits at one output position: greedy is built in, a seeded
 * sampler (the protocol's) plugs in here. Must be a pure function of its arguments for results
 * to be verifiable.
 */
@FunctionalInterface
public interface TokenChooser {
    /**
     * @param position index of the token being chosen among the generated ones (0 = first)
     * @param logits   the full vocabulary row; the array is the chooser's to keep or modify
     * @return a token id in {@code [0, logits.length)}
     */
    int choose(int position, float[] logits);

    /**
     * The protocol's greedy choice ({@link Sampler#greedy}): highest logit, ties to the lowest token
     * id; a NaN or infinite logit stops generation with an {@link IllegalArgumentException} rather
     * than producing a token no verifier could check.
     */
    TokenChooser GREEDY = (position, logits) -> Sampler.greedy(logits);
}
