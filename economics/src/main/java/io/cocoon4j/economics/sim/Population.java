package io.cocoon4j.economics.sim;

import io.cocoon4j.economics.model.Strategy;
import java.util.List;

/**
 * Who is in the simulated market.
 *
 * @param runners runner strategies with how many runners play each
 * @param verifiers registered verifiers
 * @param lazy verifiers that never audit but sit on juries and vote with the challenger
 * @param colluding verifiers that audit (and claim bounties) but, on a jury, vote for the cheater
 * @param griefers verifiers that also challenge honest jobs they audit, hoping the jury errs
 * @param griefRate the share of the honest jobs it audits that a griefer challenges
 */
public record Population(List<Group> runners, int verifiers, int lazy, int colluding, int griefers, double griefRate) {
    /** {@code count} runners playing {@code strategy}. */
    public record Group(Strategy strategy, int count) {}

    public Population {
        runners = List.copyOf(runners);
        if (lazy + colluding + griefers > verifiers) {
            throw new IllegalArgumentException("more special verifiers than verifiers");
        }
    }

    /** How many runners in all. */
    public int runnerCount() {
        return runners.stream().mapToInt(Group::count).sum();
    }

    /** The market of issue 13: 10,000 runners and 500 verifiers, most of them honest. */
    public static Population standard(double sybilIdentityCost) {
        return new Population(List.of(
            new Group(new Strategy.Honest(), 7_200),
            new Group(new Strategy.Cheat("other_model", 1, 0), 400),
            new Group(new Strategy.Cheat("other_model", 0.1, 0), 400),
            new Group(new Strategy.Cheat("other_prompt", 1, LONG_JOB_TOKENS), 400),
            new Group(new Strategy.Cheat("lower_precision_q8_0", 1, 0), 400),
            new Group(new Strategy.Cheat("lower_precision_q8_0", 0.1, 0), 400),
            new Group(new Strategy.Offline(0.01), 400),
            new Group(new Strategy.Sybil("lower_precision_q8_0", 0.3, sybilIdentityCost), 400)),
            500, 50, 10, 5, 0.01);
    }

    /** The same mix with every runner group {@code divisor} times smaller (the quick run). */
    public Population scaledDown(int divisor) {
        return new Population(runners.stream().map(g -> new Group(g.strategy(), g.count() / divisor)).toList(),
            verifiers, lazy, colluding, griefers, griefRate);
    }

    /** "Long jobs" of the standard population: about the longest 10 % of the market's jobs. */
    public static final int LONG_JOB_TOKENS = 1_270;
}
