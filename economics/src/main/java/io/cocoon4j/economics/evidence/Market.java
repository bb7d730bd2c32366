package io.cocoon4j.economics.evidence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The jobs clients post: output length log-normal, price per token by model tier times a log-normal
 * factor. Payments in nanoton.
 *
 * @param medianTokens median output length
 * @param sigmaTokens log-normal sigma of the length
 * @param maxTokens the longest job
 * @param tiers model tiers with their share of jobs and base price
 * @param sigmaPrice log-normal sigma of a job's price around its tier's
 * @param source where the distribution comes from
 */
public record Market(double medianTokens, double sigmaTokens, int maxTokens, List<Tier> tiers, double sigmaPrice,
                     String source) {
    public record Tier(String name, double share, double nanotonPerToken) {}

    public Market {
        tiers = List.copyOf(tiers);
        double total = tiers.stream().mapToDouble(Tier::share).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("tier shares must add up to 1, got " + total);
        }
    }

    /** One job's output length in tokens. */
    public int tokens(SplittableRandom rnd) {
        double l = medianTokens * Math.exp(sigmaTokens * gaussian(rnd));
        return (int) Math.max(1, Math.min(maxTokens, Math.round(l)));
    }

    /** One job's price per token in nanoton. */
    public double pricePerToken(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double base = tiers.get(tiers.size() - 1).nanotonPerToken();
        for (Tier t : tiers) {
            if (u < t.share()) {
                base = t.nanotonPerToken();
                break;
            }
            u -= t.share();
        }
        return base * Math.exp(sigmaPrice * gaussian(rnd));
    }

    /** A standard normal draw (Box–Muller; one of the pair is enough here). */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
