package io.cocoon4j.economics.model;

import io.cocoon4j.economics.evidence.Market;
import io.cocoon4j.protocol.params.NetworkParams;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fixed, seeded sample of jobs from the market: payment (nanoton), output tokens and the stake
 * locked for each under the network's rules. Expectations over jobs are means over this sample.
 */
public final class Jobs {
    private final long[] payment;
    private final int[] tokens;
    private final long[] lock;

    private Jobs(long[] payment, int[] tokens, long[] lock) {
        this.payment = payment;
        this.tokens = tokens;
        this.lock = lock;
    }

    /** {@code n} jobs drawn from {@code market} with {@code seed}; locks per {@code stakes}. */
    public static Jobs sample(Market market, NetworkParams.Stakes stakes, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] payment = new long[n];
        int[] tokens = new int[n];
        long[] lock = new long[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = market.tokens(rnd);
            payment[i] = Math.max(1, Math.round(tokens[i] * market.pricePerToken(rnd)));
            lock[i] = stakes.lockFor(payment[i]);
        }
        return new Jobs(payment, tokens, lock);
    }

    public int size() {
        return payment.length;
    }

    public long payment(int i) {
        return payment[i];
    }

    public int tokens(int i) {
        return tokens[i];
    }

    public long lock(int i) {
        return lock[i];
    }

    /** The output length at quantile {@code q} (0.9: the 10 % longest jobs are at least this long). */
    public int tokensAtQuantile(double q) {
        if (sortedTokens == null) {
            int[] sorted = tokens.clone();
            Arrays.sort(sorted);
            sortedTokens = sorted;
        }
        return sortedTokens[(int) Math.min(sortedTokens.length - 1, Math.floor(q * sortedTokens.length))];
    }

    private volatile int[] sortedTokens;

    /**
     * Sums over the jobs of at least {@code minTokens} output tokens (all jobs for 0): every expected
     * payoff is linear in these.
     *
     * @param count how many jobs
     * @param payment their payments, nanoton
     * @param lock their locks, nanoton
     */
    public record Sums(double count, double payment, double lock) {}

    public Sums sums(int minTokens) {
        return sums.computeIfAbsent(minTokens, m -> {
            double count = 0;
            double pay = 0;
            double locked = 0;
            for (int i = 0; i < payment.length; i++) {
                if (tokens[i] >= m) {
                    count++;
                    pay += payment[i];
                    locked += lock[i];
                }
            }
            return new Sums(count, pay, locked);
        });
    }

    private final java.util.Map<Integer, Sums> sums = new java.util.concurrent.ConcurrentHashMap<>();

    /** Mean payment, nanoton. */
    public double meanPayment() {
        return Arrays.stream(payment).average().orElse(0);
    }
}
