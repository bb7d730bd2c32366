package io.cocoon4j.economics.evidence;

/**
 * {@code successes} out of {@code trials}, with exact (Clopper–Pearson) two-sided 95 % bounds: the
 * honest way to state a rate measured on a few dozen trials.
 */
public record Proportion(int successes, int trials) {
    /** Two-sided 95 %: each bound leaves 2.5 % outside. */
    private static final double TAIL = 0.025;

    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }

    /** successes / trials; NaN with no trials. */
    public double rate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** The lower 95 % Clopper–Pearson bound (0 with no successes). */
    public double lower() {
        if (successes == 0) {
            return 0;
        }
        // The p at which P(X >= successes | p) = TAIL; that probability grows with p.
        return bisect(p -> 1 - binomialCdf(successes - 1, trials, p) - TAIL);
    }

    /** The upper 95 % Clopper–Pearson bound (1 when every trial succeeded). */
    public double upper() {
        if (successes == trials) {
            return 1;
        }
        // The p at which P(X <= successes | p) = TAIL; that probability falls with p.
        return bisect(p -> TAIL - binomialCdf(successes, trials, p));
    }

    /** The two proportions pooled (same quantity measured in two runs). */
    public Proportion plus(Proportion other) {
        return new Proportion(successes + other.successes, trials + other.trials);
    }

    /** P(X <= k) for X ~ Binomial(n, p), summed in log space so that n in the thousands stays exact enough. */
    public static double binomialCdf(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        if (p <= 0) {
            return 1;
        }
        if (p >= 1) {
            return 0;
        }
        double sum = 0;
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logChoose = 0; // log C(n, 0)
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            sum += Math.exp(logChoose + i * logP + (n - i) * logQ);
        }
        return Math.min(1, sum);
    }

    private static double bisect(java.util.function.DoubleUnaryOperator increasing) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (increasing.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d/%d (95%% CI %.3g-%.3g)", successes, trials, lower(), upper());
    }
}
