package io.cocoon4j.economics.model;

import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.protocol.params.NetworkParams;

/**
 * The per-audit probabilities one scenario implies, read from the evidence: what an audit of a
 * cheated or honest job finds, and how often a jury then decides wrongly.
 *
 * @param honestFalsePositive P(an audit rejects an honest job)
 * @param honestFlag P(an audit flags an honest job)
 * @param juryFailsForCheater P(a jury lets a caught cheater off), colluders voting for it or abstaining
 * @param juryFailsAgainstHonest P(a jury upholds a false challenge), colluders and lazy jurors siding with it
 * @param effectiveAudit P(a drawn auditor really checks)
 */
public record Rates(Evidence evidence, Scenario scenario, double honestFalsePositive, double honestFlag,
                    double juryFailsForCheater, double juryFailsAgainstHonest, double effectiveAudit,
                    java.util.Map<String, double[]> cheatRates) {

    /** Rates of {@code scenario} under {@code jury}. */
    public static Rates of(Evidence evidence, Scenario scenario, NetworkParams.Jury jury) {
        Evidence.ModelDetection m = detection(evidence, scenario.model());
        int n = scenario.verifiers();
        int colluders = (int) Math.round(scenario.colludingShare() * n);
        int againstHonest = (int) Math.round((scenario.colludingShare() + scenario.lazyShare()) * n);
        return new Rates(evidence, scenario,
            scenario.worstCase() ? m.honest().upper() : m.honest().rate(),
            scenario.worstCase() ? m.honestFlagged().upper() : m.honestFlagged().rate(),
            JuryOdds.failure(jury, n, colluders, true),
            JuryOdds.failure(jury, n, againstHonest, false),
            1 - scenario.lazyShare(), cheatRates(m, scenario.worstCase()));
    }

    // Exact confidence bounds take a bisection each: computed once per scenario, not per question.
    private static java.util.Map<String, double[]> cheatRates(Evidence.ModelDetection m, boolean worstCase) {
        java.util.Map<String, double[]> rates = new java.util.HashMap<>();
        m.cheats().forEach((k, c) -> rates.put(k, worstCase
            ? new double[] {c.rejected().lower(), c.flagged().lower()}
            : new double[] {c.rejected().rate(), c.flagged().rate()}));
        return java.util.Map.copyOf(rates);
    }

    /** Whether {@code cheat} was measured on this scenario's model. */
    public boolean measured(String cheat) {
        return detection(evidence, scenario.model()).cheats().containsKey(cheat);
    }

    /** P(an audit of a job cheated with {@code cheat} rejects it). */
    public double rejected(String cheat) {
        return cheatRate(cheat)[0];
    }

    /** P(an audit of a job cheated with {@code cheat} accepts it but flags it). */
    public double flagged(String cheat) {
        return cheatRate(cheat)[1];
    }

    /** What {@code cheat} gains. */
    public Evidence.CheatGain gain(String cheat) {
        Evidence.CheatGain g = evidence.gains().get(cheat);
        if (g == null) {
            throw new IllegalArgumentException("no gain stated for cheat '" + cheat + "'");
        }
        return g;
    }

    private double[] cheatRate(String cheat) {
        double[] c = cheatRates.get(cheat);
        if (c == null) {
            throw new IllegalArgumentException("cheat '" + cheat + "' was not measured on model " + scenario.model());
        }
        return c;
    }

    private static Evidence.ModelDetection detection(Evidence evidence, String model) {
        Evidence.ModelDetection m = evidence.detection().get(model);
        if (m == null) {
            throw new IllegalArgumentException("no detection measured on model '" + model + "'; have "
                + evidence.detection().keySet());
        }
        return m;
    }
}
