package io.cocoon4j.runner.engine;

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

    /** Highest logit; ties go to the lowest token id. */
    TokenChooser GREEDY = (position, logits) -> argmax(logits);

    /** Index of the highest value (the lowest such index on ties). */
    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
