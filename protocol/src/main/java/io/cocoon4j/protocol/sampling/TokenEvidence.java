package io.cocoon4j.protocol.sampling;

/**
 * What a verifier saw at one output position, in its own (teacher-forced) logits: enough for a
 * challenge to state why a claimed token is or is not acceptable.
 *
 * @param claimedToken the token the runner claimed
 * @param claimedLogit its logit in the verifier's pass ({@code NaN} if the id is outside the vocabulary)
 * @param bestToken the verifier's own greedy choice
 * @param maxLogit the highest logit
 * @param gap {@code maxLogit - claimedLogit} (greedy mode is judged on it)
 * @param draw the position's uniform draw; {@code NaN} in greedy mode
 * @param low the lowest draw that could have produced the claimed token under the tolerance
 *     (sampled mode; {@code NaN} in greedy mode or when the token cannot be kept at all)
 * @param high the bound above which no draw produces the claimed token under the tolerance
 */
public record TokenEvidence(int claimedToken, float claimedLogit, int bestToken, float maxLogit, double gap,
                            double draw, double low, double high) {

    /** Evidence for a greedy position. */
    static TokenEvidence greedy(int claimedToken, float claimedLogit, int bestToken, float maxLogit) {
        return new TokenEvidence(claimedToken, claimedLogit, bestToken, maxLogit,
            (double) maxLogit - claimedLogit, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The same evidence with the sampled-mode fields set. */
    TokenEvidence withDraw(double draw, double low, double high) {
        return new TokenEvidence(claimedToken, claimedLogit, bestToken, maxLogit, gap, draw, low, high);
    }
}
