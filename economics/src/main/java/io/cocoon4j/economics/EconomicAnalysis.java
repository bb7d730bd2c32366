package io.cocoon4j.economics;

import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.model.JuryOdds;
import io.cocoon4j.economics.model.Jobs;
import io.cocoon4j.economics.model.Payoffs;
import io.cocoon4j.economics.model.Rates;
import io.cocoon4j.economics.model.Scenario;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.protocol.params.NetworkParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytic answers: the least audit rate at which every cheat loses, the verifiers' return, the
 * collusion a jury withstands, the honest runner's exposure. Everything is computed from a
 * {@link NetworkParams} and the {@link Evidence}; the defaults are whatever passes these checks.
 */
public final class EconomicAnalysis {
    /** A cheat must lose at least this much more than it gains (0.5: the loss is 1.5 times the gain). */
    public static final double MARGIN = 0.5;
    /** Cheat probabilities tried for every cheat kind. */
    static final double[] CHEAT_PROBABILITIES = {1, 0.3, 0.1, 0.03, 0.01};
    /** Jobs a runner serves in its life: the market, 10 million jobs over 10,000 runners. */
    public static final int HORIZON_JOBS = 1_000;
    /** "Long jobs": the longest 10 %. */
    static final double LONG_JOB_QUANTILE = 0.9;

    private final Evidence evidence;
    private final Jobs jobs;
    private final int verifiers;

    /**
     * @param jobs a job sample drawn under the stakes of the parameters analysed (locks depend on them)
     * @param verifiers registered verifiers
     */
    public EconomicAnalysis(Evidence evidence, Jobs jobs, int verifiers) {
        this.evidence = evidence;
        this.jobs = jobs;
        this.verifiers = verifiers;
    }

    public Evidence evidence() {
        return evidence;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** The measured models, tiny first. */
    public List<String> models() {
        return List.copyOf(evidence.detection().keySet());
    }

    /** A scenario of diligent verifiers on {@code model}. */
    public Scenario scenario(String model, boolean worstCase) {
        return new Scenario(model, verifiers, 0, 0, worstCase, HORIZON_JOBS);
    }

    public Payoffs payoffs(NetworkParams params, Scenario scenario) {
        Rates rates = this.rates.computeIfAbsent(List.of(scenario, params.jury()),
            k -> Rates.of(evidence, scenario, params.jury()));
        return new Payoffs(params, rates, jobs);
    }

    // Exact bounds and jury odds cost a bisection each; sweeps ask for the same scenario many times.
    private final java.util.Map<List<Object>, Rates> rates = new java.util.concurrent.ConcurrentHashMap<>();

    /** What starting over as a new runner identity costs: registration plus the stake's idle unbonding time. */
    public double identityCost(NetworkParams params) {
        double years = params.deadlines().unbondingDelay() / (365.0 * 24 * 3600);
        return evidence.fees().register() * 1e9 + params.stakes().minRunnerStake() * evidence.capitalRatePerYear() * years;
    }

    /** Every cheating strategy the analysis tries on {@code model}. */
    public List<Strategy> cheatStrategies(NetworkParams params, String model) {
        int longJobs = jobs.tokensAtQuantile(LONG_JOB_QUANTILE);
        List<Strategy> list = new ArrayList<>();
        for (String cheat : evidence.detection().get(model).cheats().keySet()) {
            for (double q : CHEAT_PROBABILITIES) {
                list.add(new Strategy.Cheat(cheat, q, 0));
                list.add(new Strategy.Cheat(cheat, q, longJobs));
                list.add(new Strategy.Sybil(cheat, q, identityCost(params)));
            }
        }
        return list;
    }

    /**
     * The cheating strategy that earns most, its profit relative to honest, and whether every tried
     * cheat (not only that one) loses with margin.
     */
    public record Worst(Strategy strategy, double relativeProfit, boolean losesWithMargin) {}

    public Worst worstCheat(NetworkParams params, Scenario scenario) {
        Payoffs p = payoffs(params, scenario);
        double honest = p.runner(new Strategy.Honest()).profit();
        Strategy best = null;
        double bestAdvantage = Double.NEGATIVE_INFINITY;
        boolean allLose = true;
        for (Strategy s : cheatStrategies(params, scenario.model())) {
            allLose &= p.losesWithMargin(s, MARGIN);
            double advantage = p.runner(s).profit() - honest;
            if (advantage > bestAdvantage) {
                bestAdvantage = advantage;
                best = s;
            }
        }
        return new Worst(best, p.relativeToHonest(best), allLose);
    }

    /** Whether every cheating strategy on every measured model loses with margin under {@code params}. */
    public boolean everyCheatLoses(NetworkParams params, boolean worstCase) {
        for (String model : models()) {
            if (!worstCheat(params, scenario(model, worstCase)).losesWithMargin()) {
                return false;
            }
        }
        return true;
    }

    /** Whether any cheating strategy earns more than honesty (no margin) under {@code params}. */
    public boolean anyCheatProfitable(NetworkParams params, Scenario scenario) {
        return worstCheat(params, scenario).relativeProfit() > 1;
    }

    /**
     * p*: the least audit rate (basis points) at which every cheat on every measured model loses with
     * margin, the rest of {@code params} unchanged; {@code BPS + 1} when even auditing every job is not enough.
     */
    public int minAuditRateBps(NetworkParams params, boolean worstCase) {
        if (!everyCheatLoses(withAuditRate(params, NetworkParams.BPS), worstCase)) {
            return NetworkParams.BPS + 1;
        }
        int lo = 0;
        int hi = NetworkParams.BPS;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (everyCheatLoses(withAuditRate(params, mid), worstCase)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * The least audit fee (basis points of the payout) at which diligent verifiers earn {@code 1 + MARGIN}
     * times their audit cost when there is nothing to catch (the verifier's dilemma), on the model whose
     * audits cost most.
     */
    public int minAuditFeeBps(NetworkParams params) {
        double needed = 0;
        for (String model : models()) {
            Payoffs p = payoffs(params, scenario(model, false));
            Payoffs.VerifierOutcome v = p.verifiers(0, firstCheat(model));
            needed = Math.max(needed, (1 + MARGIN) * v.auditCost() / jobs.meanPayment());
        }
        return (int) Math.ceil(needed * NetworkParams.BPS);
    }

    /**
     * The collusion share of verifier stake at which the worst cheat stops losing (no margin) at
     * {@code params}' audit rate, on the model where that happens first.
     */
    public double collusionThreshold(NetworkParams params) {
        double threshold = 1;
        for (String model : models()) {
            for (int bad = 0; bad <= verifiers; bad++) {
                Scenario s = scenario(model, false).withColluding(bad / (double) verifiers);
                if (anyCheatProfitable(params, s)) {
                    threshold = Math.min(threshold, bad / (double) verifiers);
                    break;
                }
            }
        }
        return threshold;
    }

    /** The share of lazy-or-colluding jurors at which a false challenge of an honest job pays. */
    public double griefingThreshold(NetworkParams params) {
        double lock = params.stakes().minJobLock();
        for (int bad = 0; bad <= verifiers; bad++) {
            Scenario s = scenario(models().get(0), false).withColluding(bad / (double) verifiers);
            if (payoffs(params, s).griefingPerChallenge(lock) > 0) {
                return bad / (double) verifiers;
            }
        }
        return 1;
    }

    /** P(wrong verdict) with a share {@code f} of colluding verifiers, for {@code jury}. */
    public double juryFailure(NetworkParams.Jury jury, double f) {
        return JuryOdds.failure(jury, verifiers, (int) Math.round(f * verifiers), true);
    }

    String firstCheat(String model) {
        return evidence.detection().get(model).cheats().keySet().iterator().next();
    }

    /** {@code params} with another audit rate. */
    public static NetworkParams withAuditRate(NetworkParams params, int rateBps) {
        NetworkParams.Audit a = params.audit();
        return new NetworkParams(params.stakes(), params.deadlines(), params.slashing(), params.jury(), params.fees(),
            new NetworkParams.Audit(Math.max(1, rateBps), a.followUpsPerFlag(), a.flagWithholdBps()));
    }

    /** {@code params} with another flag follow-up count. */
    public static NetworkParams withFollowUps(NetworkParams params, int followUps) {
        NetworkParams.Audit a = params.audit();
        return new NetworkParams(params.stakes(), params.deadlines(), params.slashing(), params.jury(), params.fees(),
            new NetworkParams.Audit(a.rateBps(), followUps, a.flagWithholdBps()));
    }
}
