package io.cocoon4j.protocol.sampling;

import io.cocoon4j.protocol.SamplingSpec;

/**
 * The rule that decides whether a claimed token is acceptable given a verifier's own logits, which
 * may differ slightly from the runner's (batch shapes, thread counts, backends change float
 * rounding).
 *
 * <p><b>Definition.</b> A claimed token is accepted iff <em>some</em> logit vector {@code L'} with
 * {@code |L'[i] - L[i]| <= τ/2} for every token {@code i} ({@code L}: the verifier's logits) makes
 * the {@link Sampler} choose it from this position's draw. So two honest executions whose logits
 * differ by at most {@code τ/2} per entry always accept each other; {@code τ} is the largest change
 * the rule allows in any <em>difference</em> of two logits.
 *
 * <p><b>Greedy</b> (exact form of the definition): accept iff {@code max(L) - L[claimed] <= τ}. Near
 * ties (a top-2 gap at most τ) are therefore never fraud.
 *
 * <p><b>Sampled</b> (a sound relaxation: it accepts everything the definition accepts, and a little
 * more). Let {@code r = τ/2}, {@code g = exp(r/T)} (a weight {@code w = exp((L - m)/T)} moves by at
 * most a factor {@code g} either way, up to a common factor that cancels). Using the ranking and
 * weights of {@link Sampler} on {@code L}, a token of logit {@code v} is
 * <ul>
 *   <li><i>possibly kept</i> iff all three hold: top-k off or {@code #{L > v + τ} < k}; top-p off or
 *       {@code Blo/(Blo + Rhi) < p} where {@code Blo} is the weight of the surely-kept-by-top-k tokens with
 *       {@code L > v + τ}, divided by {@code g}, and {@code Rhi} the weight of the other
 *       possibly-kept-by-top-k tokens times {@code g}; min-p off or {@code exp((v - m + τ)/T) >= q};</li>
 *   <li><i>surely kept</i> iff all three hold: top-k off or {@code #{L >= v - τ} - 1 < k}; top-p off or
 *       {@code Bhi/(Bhi + Rlo) < p} where {@code Bhi} is the weight of the possibly-kept-by-top-k tokens
 *       other than itself with {@code L >= v - τ}, times {@code g}, and {@code Rlo} the weight of itself
 *       and the other surely-kept-by-top-k tokens, divided by {@code g}; min-p off or
 *       {@code exp((v - m - τ)/T) >= q}.</li>
 * </ul>
 * (Top-k "possibly/surely" use only the top-k clause.) Every runner-side kept set then lies
 * between the surely-kept set {@code Kmin} and the possibly-kept set {@code Kmax}. With the
 * claimed token {@code t} of weight {@code W}, and sums over token ids below ({@code P}) or above
 * ({@code R}) {@code t}:
 * <pre>
 *   low  = (Pmin/g) / (Pmin/g + W·g + Rmax·g)       Pmin, Rmin over Kmin; Pmax, Rmax over Kmax
 *   high = (Pmax·g + W·g) / (Pmax·g + W·g + Rmin/g)
 * </pre>
 * and the token is accepted iff {@code t} is possibly kept and {@code low - 1e-12 <= u < high + 1e-12}.
 * Each bound is the extreme of the interval start/end over every admissible kept set and weight
 * perturbation (the interval start {@code P/(P+W+R)} grows with {@code P} and shrinks with
 * {@code W} and {@code R}), so an honest token is never rejected; a token the draw misses by
 * more than the margin is rejected. The 1e-12 absorbs summation-order rounding.
 *
 * @param tau the tolerance in logit units, finite and {@code >= 0}
 */
public record Tolerance(double tau) {
    private static final double SLACK = 1e-12;

    public Tolerance {
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("a tolerance must be finite and non-negative, got " + tau);
        }
    }

    /** Checks the token claimed at output {@code position} under {@code spec}. */
    public TokenCheck check(float[] logits, SamplingSpec spec, DrawSource draws, int position, int claimed) {
        return spec instanceof SamplingSpec.Sampled s
            ? checkSampled(logits, s, draws.uniform(position), claimed)
            : checkGreedy(logits, claimed);
    }

    /** Greedy: accept iff the claimed token's logit is within τ of the maximum. */
    public TokenCheck checkGreedy(float[] logits, int claimed) {
        int best = Sampler.greedy(logits);
        if (claimed < 0 || claimed >= logits.length) {
            return new TokenCheck.Fail(outsideVocabulary(best, logits, claimed), outsideReason(claimed, logits.length));
        }
        TokenEvidence e = TokenEvidence.greedy(claimed, logits[claimed], best, logits[best]);
        return e.gap() <= tau
            ? new TokenCheck.Pass(e)
            : new TokenCheck.Fail(e, String.format("token %d is %.6g below the maximum logit (token %d); tolerance %.6g",
                claimed, e.gap(), e.bestToken(), tau));
    }

    /** Sampled: accept iff draw {@code u} lands in the claimed token's tolerant interval (class comment). */
    public TokenCheck checkSampled(float[] logits, SamplingSpec.Sampled spec, double u, int claimed) {
        double t = spec.temperature();
        Ranking ranking = Ranking.of(logits, t);
        if (claimed < 0 || claimed >= logits.length) {
            return new TokenCheck.Fail(outsideVocabulary(ranking.token[0], logits, claimed).withDraw(u, Double.NaN, Double.NaN),
                outsideReason(claimed, logits.length));
        }
        TokenEvidence base = TokenEvidence.greedy(claimed, logits[claimed], ranking.token[0], logits[ranking.token[0]]);
        double g = StrictMath.exp(tau / 2 / t);
        int possible = keptPrefix(ranking, spec, t, g, true);
        int sure = keptPrefix(ranking, spec, t, g, false);
        int rank = ranking.rankOf(claimed);
        if (rank >= possible) {
            return new TokenCheck.Fail(base.withDraw(u, Double.NaN, Double.NaN), String.format(
                "token %d (rank %d) cannot survive top-k/top-p/min-p even with logits moved by τ/2 = %.6g",
                claimed, rank, tau / 2));
        }
        double pMin = 0;
        double pMax = 0;
        double rMin = 0;
        double rMax = 0;
        for (int r = 0; r < possible; r++) {
            int id = ranking.token[r];
            double w = ranking.weight[r];
            if (id < claimed) {
                pMax += w;
                pMin += r < sure ? w : 0;
            } else if (id > claimed) {
                rMax += w;
                rMin += r < sure ? w : 0;
            }
        }
        double w = ranking.weight[rank];
        double low = (pMin / g) / (pMin / g + w * g + rMax * g);
        double high = (pMax * g + w * g) / (pMax * g + w * g + rMin / g);
        TokenEvidence e = base.withDraw(u, low, high);
        return u >= low - SLACK && u < high + SLACK
            ? new TokenCheck.Pass(e)
            : new TokenCheck.Fail(e, String.format("draw %.9f is outside token %d's tolerant interval [%.9f, %.9f)",
                u, claimed, low, high));
    }

    /**
     * The number of leading ranks that are possibly ({@code possibly = true}) or surely kept; both
     * properties are monotone in the logit, so each set is a prefix of the ranking.
     */
    private int keptPrefix(Ranking ranking, SamplingSpec.Sampled spec, double t, double g, boolean possibly) {
        int n = ranking.size();
        int topK = spec.topK() > 0 && spec.topK() < n ? spec.topK() : n;
        int topKPossible = 0;
        while (topKPossible < n && ranking.countAbove(ranking.logit[topKPossible] + tau) < topK) {
            topKPossible++;
        }
        int topKSure = 0;
        while (topKSure < n && ranking.countAtLeast(ranking.logit[topKSure] - tau) - 1 < topK) {
            topKSure++;
        }
        int limit = possibly ? topKPossible : topKSure;
        int r = 0;
        while (r < limit && topPAllows(ranking, spec.topP(), r, g, topKPossible, topKSure, possibly)
            && minPAllows(ranking, spec.minP(), r, t, possibly)) {
            r++;
        }
        return r;
    }

    private boolean topPAllows(Ranking ranking, double p, int r, double g, int topKPossible, int topKSure,
                               boolean possibly) {
        if (p >= 1) {
            return true;
        }
        double v = ranking.logit[r];
        double[] mass = ranking.massBefore;
        if (possibly) {
            int surelyBefore = ranking.countAbove(v + tau);
            double before = mass[Math.min(surelyBefore, topKSure)] / g;
            double rest = (mass[topKPossible] - mass[Math.min(surelyBefore, topKPossible)]) * g;
            return before / (before + rest) < p;
        }
        int possiblyBefore = ranking.countAtLeast(v - tau);
        double before = Math.max(0, mass[Math.min(possiblyBefore, topKPossible)] - ranking.weight[r]) * g;
        double rest = (mass[topKSure] - mass[Math.min(possiblyBefore, topKSure)] + ranking.weight[r]) / g;
        return before / (before + rest) < p;
    }

    private boolean minPAllows(Ranking ranking, double q, int r, double t, boolean possibly) {
        if (q <= 0) {
            return true;
        }
        double shift = possibly ? tau : -tau;
        return StrictMath.exp((ranking.logit[r] - ranking.max() + shift) / t) >= q;
    }

    private static TokenEvidence outsideVocabulary(int best, float[] logits, int claimed) {
        return new TokenEvidence(claimed, Float.NaN, best, logits[best], Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static String outsideReason(int claimed, int vocabulary) {
        return "token id " + claimed + " is outside the vocabulary (0.." + (vocabulary - 1) + ")";
    }
}
