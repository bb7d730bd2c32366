package io.cocoon4j.protocol.sampling;

import java.util.Arrays;

/**
 * Logits in rank order (highest first, equal logits by ascending token id) with their tempered
 * weights {@code w = exp((logit - max) / T)} ({@link StrictMath#exp}, so fdlibm, bit-reproducible)
 * and the running sums of those weights in rank order. Shared by the sampler and the tolerance rule
 * so both read the same numbers.
 */
final class Ranking {
    final int[] token;
    final double[] logit;
    final double[] weight;
    /** {@code massBefore[r]} = sum of {@code weight[0..r-1]}, summed in rank order; length V+1. */
    final double[] massBefore;

    private Ranking(int[] token, double[] logit, double[] weight, double[] massBefore) {
        this.token = token;
        this.logit = logit;
        this.weight = weight;
        this.massBefore = massBefore;
    }

    /**
     * Ranks {@code logits}; a temperature of 0 leaves the weights out.
     *
     * @throws IllegalArgumentException if there are no logits or one is NaN or infinite
     */
    static Ranking of(float[] logits, double temperature) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("no logits");
        }
        int n = logits.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            float f = logits[i];
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("logit of token " + i + " is not finite: " + f);
            }
            int bits = Float.floatToIntBits(f + 0.0f); // + 0.0f turns -0.0 into 0.0: equal logits tie
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = ((long) ~ascending << 32) | i;
        }
        Arrays.sort(keys);
        int[] token = new int[n];
        double[] logit = new double[n];
        for (int r = 0; r < n; r++) {
            token[r] = (int) keys[r];
            logit[r] = logits[token[r]];
        }
        double[] weight = new double[n];
        double[] massBefore = new double[n + 1];
        if (temperature > 0) {
            double max = logit[0];
            for (int r = 0; r < n; r++) {
                weight[r] = StrictMath.exp((logit[r] - max) / temperature);
                massBefore[r + 1] = massBefore[r] + weight[r];
            }
        }
        return new Ranking(token, logit, weight, massBefore);
    }

    int size() {
        return token.length;
    }

    double max() {
        return logit[0];
    }

    /** The number of tokens whose logit is strictly above {@code x}: a prefix of the ranks. */
    int countAbove(double x) {
        int lo = 0;
        int hi = logit.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (logit[mid] > x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of tokens whose logit is at least {@code x} (for doubles, {@code >= x} is {@code > nextDown(x)}). */
    int countAtLeast(double x) {
        return countAbove(Math.nextDown(x));
    }

    /** The rank of {@code tokenId}. */
    int rankOf(int tokenId) {
        for (int r = 0; r < token.length; r++) {
            if (token[r] == tokenId) {
                return r;
            }
        }
        throw new IllegalArgumentException("token " + tokenId + " is outside the vocabulary of " + token.length);
    }
}
