package io.cocoon4j.cli.bench;

import java.util.Arrays;

/**
 * Times two operations doing the same work in alternating order (A B, B A, A B, …), so that JIT
 * state, caches and a changing machine load fall on both sides alike and neither always runs
 * first. Each round runs a batch of each side and records its time per operation.
 */
final class Alternation {
    /** One side's operation; what it returns is kept so the JIT cannot drop the work. */
    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    /**
     * Nanoseconds per operation of each side, one entry per round.
     *
     * @param a side A, round by round
     * @param b side B, round by round
     * @param aFirst how many rounds A ran first (half of them, rounded up)
     */
    record Timing(double[] a, double[] b, int aFirst) {
        double medianA() {
            return median(a);
        }

        double medianB() {
            return median(b);
        }

        double meanA() {
            return Arrays.stream(a).average().orElse(Double.NaN);
        }

        double meanB() {
            return Arrays.stream(b).average().orElse(Double.NaN);
        }

        private static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    private static volatile Object sink;

    private Alternation() {}

    /**
     * Runs {@code warmupRounds} unrecorded rounds, then {@code rounds} recorded ones, each of
     * {@code batch} operations per side; even rounds run A first, odd rounds B first.
     */
    static Timing time(int warmupRounds, int rounds, int batch, Op a, Op b) throws Exception {
        if (rounds < 1 || batch < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("rounds and batch must be positive: " + rounds + ", " + batch);
        }
        for (int r = 0; r < warmupRounds; r++) {
            batch(r % 2 == 0 ? a : b, batch);
            batch(r % 2 == 0 ? b : a, batch);
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                ta[r] = batch(a, batch);
                tb[r] = batch(b, batch);
            } else {
                tb[r] = batch(b, batch);
                ta[r] = batch(a, batch);
            }
        }
        return new Timing(ta, tb, (rounds + 1) / 2);
    }

    /** Nanoseconds per operation over {@code n} runs of {@code op}. */
    private static double batch(Op op, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink = op.run();
        }
        return (System.nanoTime() - start) / (double) n;
    }
}
