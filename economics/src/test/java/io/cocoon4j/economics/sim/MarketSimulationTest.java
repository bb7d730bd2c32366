package io.cocoon4j.economics.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.economics.EconomicAnalysis;
import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.model.Jobs;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.protocol.params.NetworkParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketSimulationTest {
    static final NetworkParams D = NetworkParams.DEFAULTS;
    static final Evidence EVIDENCE = Evidence.bundled();

    @Test
    void theQuickMarketReachesTheVerdictsOfTheAnalysis() {
        EconomicAnalysis a = new EconomicAnalysis(EVIDENCE, Jobs.sample(EVIDENCE.market(), D.stakes(), 20_000, 1), 500);
        Population pop = Population.standard(a.identityCost(D)).scaledDown(10);
        MarketSimulation.Result r = MarketSimulation.run(D, EVIDENCE, pop, new MarketSimulation.Config(1_000_000, 10, 3));
        r.relativeProfit().forEach((label, e) -> {
            if (label.equals("honest")) {
                assertThat(e.mean()).isEqualTo(1.0);
            } else if (!label.startsWith("offline")) {
                assertThat(e.high()).as(label).isLessThan(1);
            }
        });
        assertThat(r.verifierProfitPerMillionJobs().get("diligent").low()).isPositive();
        assertThat(r.jobs()).isEqualTo(1_000_000);
    }

    @Test
    void alwaysCheatingMatchesTheAnalyticLossWithinAFifth() {
        Population pop = new Population(List.of(new Population.Group(new Strategy.Honest(), 500),
            new Population.Group(new Strategy.Cheat("other_model", 1, 0), 500)), 500, 0, 0, 0, 0);
        MarketSimulation.Result r = MarketSimulation.run(D, EVIDENCE, pop, new MarketSimulation.Config(1_000_000, 10, 5));
        EconomicAnalysis a = new EconomicAnalysis(EVIDENCE, Jobs.sample(EVIDENCE.market(), D.stakes(), 50_000, 1), 500);
        double analytic = a.payoffs(D, a.scenario("tiny", false)).runner(new Strategy.Cheat("other_model", 1, 0)).profit();
        double simulated = r.profitPerJob().get("other_model (always)").mean();
        assertThat(simulated / analytic).isBetween(0.8, 1.2);
        double honest = a.payoffs(D, a.scenario("tiny", false)).runner(new Strategy.Honest()).profit();
        assertThat(r.profitPerJob().get("honest").mean() / honest).isBetween(0.97, 1.03);
    }

    @Test
    void sameSeedSameMarket() {
        Population pop = Population.standard(1e8).scaledDown(100);
        MarketSimulation.Config c = new MarketSimulation.Config(100_000, 2, 9);
        MarketSimulation.Result a = MarketSimulation.run(D, EVIDENCE, pop, c);
        MarketSimulation.Result b = MarketSimulation.run(D, EVIDENCE, pop, c);
        assertThat(a.profitPerJob()).isEqualTo(b.profitPerJob());
        assertThat(a.challenges()).isEqualTo(b.challenges());
    }

    @Test
    void groupsThatDoNotSplitIntoSubMarketsAreRefused() {
        Population pop = new Population(List.of(new Population.Group(new Strategy.Honest(), 7)), 10, 0, 0, 0, 0);
        assertThatThrownBy(() -> MarketSimulation.run(D, EVIDENCE, pop, new MarketSimulation.Config(1000, 2, 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sub-markets");
    }
}
