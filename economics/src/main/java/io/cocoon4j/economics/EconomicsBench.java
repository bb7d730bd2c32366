package io.cocoon4j.economics;

import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.evidence.Proportion;
import io.cocoon4j.economics.model.Jobs;
import io.cocoon4j.economics.model.Payoffs;
import io.cocoon4j.economics.model.Scenario;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.economics.sim.MarketSimulation;
import io.cocoon4j.economics.sim.Population;
import io.cocoon4j.protocol.params.NetworkParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of {@code cocoon bench economics}: the analysis at the given parameters, the simulation
 * of the market, and the derivation of the defaults, gathered as {@link Findings}.
 */
public final class EconomicsBench {
    /** Registered verifiers (issue 13). */
    public static final int VERIFIERS = 500;

    private EconomicsBench() {}

    /**
     * @param quick 1,000 runners and one million jobs simulated instead of 10,000 and ten million
     * @param seed seeds the job sample and the simulation
     */
    public record Options(boolean quick, long seed) {
        long simulatedJobs() {
            return quick ? 1_000_000 : 10_000_000;
        }

        /** The analysis's job sample: the same in both modes, so that both reach the same numbers. */
        int sampleJobs() {
            return 50_000;
        }

        int runnerDivisor() {
            return quick ? 10 : 1;
        }
    }

    /**
     * @param params the parameters analysed (normally {@link NetworkParams#DEFAULTS})
     * @param minAuditRateBps p* at the measured rates (point estimates)
     * @param minAuditRateBps95 p* with every rate at its 95 % bound against the network
     * @param cheatProfitable whether any cheating strategy beats honesty at {@code params} (point estimates)
     * @param cheatProfitable95 the same at the 95 % bounds
     * @param verifierProfitable whether diligent verifiers profit at {@code params} with nothing to catch
     * @param minAuditFeeBps the least audit fee that pays verifiers with margin at {@code params}' audit rate
     * @param juryCollusionThreshold verifier-stake share of colluders at which some cheat starts to pay
     * @param griefingThreshold share of colluding or lazy jurors at which false challenges pay
     * @param derived the parameters the derivation recommends, with its reasons
     */
    public record Findings(NetworkParams params, Evidence evidence, Jobs jobs, EconomicAnalysis analysis,
                           int minAuditRateBps, int minAuditRateBps95, boolean cheatProfitable, boolean cheatProfitable95,
                           boolean verifierProfitable, int minAuditFeeBps, double juryCollusionThreshold,
                           double griefingThreshold, Derivation.Result derived, MarketSimulation.Result simulation,
                           Population population, long nanos) {

        /** Whether some simulated cheating group (not the honest or offline ones) earned more per job than honest runners. */
        public boolean simulatedCheatProfitable() {
            return population.runners().stream().map(g -> g.strategy())
                .filter(st -> st instanceof Strategy.Cheat || st instanceof Strategy.Sybil)
                .anyMatch(st -> simulation.relativeProfit().get(st.label()).mean() > 1);
        }

        /** The JSON fields of the command. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("min_audit_rate", minAuditRateBps / (double) NetworkParams.BPS);
            m.put("min_audit_rate_95", minAuditRateBps95 / (double) NetworkParams.BPS);
            m.put("audit_rate", params.audit().rate());
            m.put("cheat_profitable", cheatProfitable);
            m.put("cheat_profitable_95", cheatProfitable95);
            m.put("verifier_profitable", verifierProfitable);
            m.put("min_audit_fee_bps", minAuditFeeBps);
            m.put("jury_collusion_threshold", juryCollusionThreshold);
            m.put("griefing_threshold", griefingThreshold);
            m.put("defaults_match_derivation", derived.params().equals(params));
            Map<String, Object> honest = new LinkedHashMap<>();
            for (Map.Entry<String, Evidence.ModelDetection> e : evidence.detection().entrySet()) {
                Proportion fp = e.getValue().honest();
                honest.put(e.getKey(), ordered("honest_jobs", fp.trials(), "false_positives", fp.successes(),
                    "false_positive_rate_upper_95", fp.upper(), "honest_flag_rate", e.getValue().honestFlagged().rate()));
            }
            m.put("honest", honest);
            Map<String, Object> sim = new LinkedHashMap<>();
            simulation.relativeProfit().forEach((k, v) -> sim.put(k, ordered("relative_profit", v.mean(),
                "ci95_low", v.low(), "ci95_high", v.high())));
            m.put("simulated_relative_profit", sim);
            m.put("simulated_cheat_profitable", simulatedCheatProfitable());
            Map<String, Object> ver = new LinkedHashMap<>();
            simulation.verifierProfitPerMillionJobs().forEach((k, v) -> ver.put(k, v.mean() / 1e9));
            m.put("simulated_verifier_profit_ton_per_million_jobs", ver);
            m.put("simulated_jobs", simulation.jobs());
            m.put("simulated_runners", population.runnerCount());
            m.put("simulation_seconds", simulation.nanos() / 1e9);
            m.put("fees_provisional", evidence.fees().provisional());
            m.put("seconds", nanos / 1e9);
            return m;
        }
    }

    /** A map of key, value pairs in the order given (stable JSON). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Runs everything at {@code params}. */
    public static Findings run(NetworkParams params, Evidence evidence, Options options) {
        long t0 = System.nanoTime();
        Jobs jobs = Jobs.sample(evidence.market(), params.stakes(), options.sampleJobs(), options.seed());
        EconomicAnalysis analysis = new EconomicAnalysis(evidence, jobs, VERIFIERS);
        int pStar = analysis.minAuditRateBps(params, false);
        int pStar95 = analysis.minAuditRateBps(params, true);
        boolean cheat = false;
        boolean cheat95 = false;
        boolean verifiers = true;
        for (String model : analysis.models()) {
            cheat |= analysis.anyCheatProfitable(params, analysis.scenario(model, false));
            cheat95 |= analysis.anyCheatProfitable(params, analysis.scenario(model, true));
            verifiers &= analysis.payoffs(params, analysis.scenario(model, false))
                .verifiers(0, analysis.firstCheat(model)).profit() > 0;
        }
        Population population = Population.standard(analysis.identityCost(params)).scaledDown(options.runnerDivisor());
        MarketSimulation.Result sim = MarketSimulation.run(params, evidence, population,
            new MarketSimulation.Config(options.simulatedJobs(), 10, options.seed()));
        Derivation.Result derived = Derivation.derive(params, evidence, VERIFIERS, options.sampleJobs(), options.seed());
        return new Findings(params, evidence, jobs, analysis, pStar, pStar95, cheat, cheat95, verifiers,
            analysis.minAuditFeeBps(params), analysis.collusionThreshold(params), analysis.griefingThreshold(params),
            derived, sim, population, System.nanoTime() - t0);
    }

    /** The relative profit of {@code strategy} on {@code model} at {@code params} (for tables and plots). */
    public static double relative(Findings f, NetworkParams params, String model, boolean worstCase, Strategy strategy) {
        Scenario s = f.analysis().scenario(model, worstCase);
        Payoffs p = f.analysis().payoffs(params, s);
        return p.relativeToHonest(strategy);
    }
}
