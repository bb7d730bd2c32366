package io.cocoon4j.protocol.sampling;

import io.cocoon4j.protocol.SamplingSpec;
import java.util.Arrays;

/**
 * The protocol's token chooser: turns a position's logits (float32, one per vocabulary entry) and
 * that position's uniform draw into a token id. Runner and verifier both use it; every step is
 * specified so that another implementation agrees bit for bit.
 *
 * <p><b>Greedy</b>: the token with the highest logit; among equal logits the lowest id
 * ({@code -0.0} equals {@code 0.0}).
 *
 * <p><b>Sampled</b> ({@link SamplingSpec.Sampled}; {@code T = temperatureMilli / 1000.0},
 * {@code p = topPMicro / 1e6}, {@code q = minPMicro / 1e6}, every number an IEEE double):
 * <ol>
 *   <li>Rank the tokens: logit descending, equal logits by ascending id. Let {@code m} be the
 *       highest logit.</li>
 *   <li>Top-k: if {@code 0 < k < V}, keep the first {@code k} ranks; otherwise all.</li>
 *   <li>Weights: {@code w = StrictMath.exp((logit - m) / T)} (fdlibm {@code exp}); the top token's
 *       weight is exactly 1.</li>
 *   <li>Top-p: if {@code p < 1}, let {@code S} be the sum of the kept weights added in rank order;
 *       keep the rank-{@code r} token iff the sum of the weights of ranks {@code 0..r-1} (added in rank
 *       order) is {@code < p·S}. The top token is always kept.</li>
 *   <li>Min-p: if {@code q > 0}, additionally drop every token with {@code w < q}.</li>
 *   <li>Inverse CDF in <em>token id</em> order: list the kept tokens by ascending id, let
 *       {@code S'} be the sum of their weights added in that order, and return the first token
 *       whose running sum (same order) is {@code > u·S'}; if rounding leaves none, the last.</li>
 * </ol>
 * Walking the CDF in id order (not rank order) means a small perturbation of the logits moves
 * interval boundaries a little but never reorders the intervals; {@link Tolerance} relies on this.
 */
public final class Sampler {
    private Sampler() {}

    /** The token {@code spec} chooses at output {@code position} from {@code logits}. */
    public static int choose(float[] logits, SamplingSpec spec, DrawSource draws, int position) {
        return spec instanceof SamplingSpec.Sampled s
            ? sample(logits, s, draws.uniform(position))
            : greedy(logits);
    }

    /**
     * The highest-logit token, lowest id among ties.
     *
     * @throws IllegalArgumentException if there are no logits or one is NaN or infinite
     */
    public static int greedy(float[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("no logits");
        }
        int best = 0;
        for (int i = 0; i < logits.length; i++) {
            if (!Float.isFinite(logits[i])) {
                throw new IllegalArgumentException("logit of token " + i + " is not finite: " + logits[i]);
            }
            if (logits[i] > logits[best]) { // strict: the lowest id wins ties; -0.0 and 0.0 compare equal
                best = i;
            }
        }
        return best;
    }

    /**
     * The sampled token for draw {@code u}, by the steps in the class comment.
     *
     * @throws IllegalArgumentException if {@code u} is outside {@code [0, 1)} or the logits are bad
     */
    public static int sample(float[] logits, SamplingSpec.Sampled spec, double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("a draw must be in [0, 1), got " + u);
        }
        Ranking ranking = Ranking.of(logits, spec.temperature());
        int kept = keptRanks(ranking, spec);
        return inverseCdf(ranking, kept, u);
    }

    /** The number of leading ranks that survive top-k, top-p and min-p (always at least 1). */
    static int keptRanks(Ranking ranking, SamplingSpec.Sampled spec) {
        int kept = ranking.size();
        if (spec.topK() > 0 && spec.topK() < kept) {
            kept = spec.topK();
        }
        double p = spec.topP();
        if (p < 1) {
            double threshold = p * ranking.massBefore[kept];
            int n = 0;
            while (n < kept && ranking.massBefore[n] < threshold) {
                n++;
            }
            kept = n;
        }
        double q = spec.minP();
        if (q > 0) {
            while (kept > 1 && ranking.weight[kept - 1] < q) {
                kept--;
            }
        }
        return kept;
    }

    private static int inverseCdf(Ranking ranking, int kept, double u) {
        long[] byId = idOrder(ranking, kept);
        double total = 0;
        for (long k : byId) {
            total += ranking.weight[(int) k];
        }
        double target = u * total;
        double running = 0;
        for (long k : byId) {
            running += ranking.weight[(int) k];
            if (running > target) {
                return (int) (k >>> 32);
            }
        }
        return (int) (byId[kept - 1] >>> 32);
    }

    /** The first {@code kept} ranks sorted by token id, each packed as {@code id << 32 | rank}. */
    static long[] idOrder(Ranking ranking, int kept) {
        long[] byId = new long[kept];
        for (int r = 0; r < kept; r++) {
            byId[r] = ((long) ranking.token[r] << 32) | r;
        }
        Arrays.sort(byId);
        return byId;
    }
}
