package io.cocoon4j.economics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.model.Jobs;
import io.cocoon4j.economics.model.Payoffs;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.protocol.params.NetworkParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conclusions of the README's economics section, pinned at {@link NetworkParams#DEFAULTS}. */
class DefaultsConclusionsTest {
    static final NetworkParams D = NetworkParams.DEFAULTS;
    static Evidence evidence;
    static EconomicAnalysis analysis;

    @BeforeAll
    static void sample() {
        evidence = Evidence.bundled();
        analysis = new EconomicAnalysis(evidence, Jobs.sample(evidence.market(), D.stakes(), 50_000, 1), 500);
    }

    @Test
    void theDefaultsAreWhatTheEvidenceDerives() {
        Derivation.Result derived = Derivation.derive(D, evidence, 500, 50_000, 1);
        assertThat(derived.params()).isEqualTo(D);
    }

    @Test
    void everyCheatLosesWithMarginOnEveryMeasuredModelEvenAtThe95PercentBounds() {
        assertThat(analysis.everyCheatLoses(D, false)).isTrue();
        assertThat(analysis.everyCheatLoses(D, true)).isTrue();
        for (String model : analysis.models()) {
            assertThat(analysis.anyCheatProfitable(D, analysis.scenario(model, true))).as(model).isFalse();
        }
    }

    @Test
    void theDefaultAuditRateIsP95StarRoundedUpAndHalfOfItIsNotEnough() {
        int p95 = analysis.minAuditRateBps(D, true);
        assertThat(D.audit().rateBps()).isGreaterThanOrEqualTo(p95).isLessThan(p95 + 5);
        assertThat(analysis.minAuditRateBps(D, false)).isLessThanOrEqualTo(p95);
        assertThat(analysis.everyCheatLoses(EconomicAnalysis.withAuditRate(D, D.audit().rateBps() / 2), true)).isFalse();
    }

    @Test
    void withoutFlagFollowUpsTheSmallModelsQ8CopyNeedsFarMoreAudits() {
        // The q8_0 copy of the small model is rejected in 3 of 30 trials but flagged in the rest.
        int without = analysis.minAuditRateBps(EconomicAnalysis.withFollowUps(D, 0), true);
        assertThat(without).isGreaterThan(3 * D.audit().rateBps());
    }

    @Test
    void diligentVerifiersProfitWithNothingToCatchAndWouldNotWithHalfTheFee() {
        for (String model : analysis.models()) {
            Payoffs p = analysis.payoffs(D, analysis.scenario(model, false));
            assertThat(p.verifiers(0, "other_model").returnOnCost()).as(model).isGreaterThanOrEqualTo(EconomicAnalysis.MARGIN);
        }
        NetworkParams halfFee = new NetworkParams(D.stakes(), D.deadlines(), D.slashing(), D.jury(),
            new NetworkParams.Fees(D.fees().protocolFeeBps(), D.fees().auditFeeBps() / 2), D.audit());
        boolean allProfit = true;
        for (String model : analysis.models()) {
            allProfit &= analysis.payoffs(halfFee, analysis.scenario(model, false)).verifiers(0, "other_model").profit() > 0;
        }
        assertThat(allProfit).isFalse();
    }

    @Test
    void juriesWithstandAFifthOfColludingStake() {
        assertThat(analysis.juryFailure(D.jury(), 0.10)).isLessThanOrEqualTo(0.01);
        assertThat(analysis.collusionThreshold(D)).isGreaterThan(0.2);
        assertThat(analysis.griefingThreshold(D)).isGreaterThan(0.2);
    }

    @Test
    void honestRunnersLoseNothingAtTheMeasuredRatesAndAtMostAnEighthOfProfitAtTheUpperBound() {
        for (String model : analysis.models()) {
            Payoffs.RunnerOutcome point = analysis.payoffs(D, analysis.scenario(model, false)).runner(new Strategy.Honest());
            assertThat(point.loss()).as(model).isZero();
            Payoffs.RunnerOutcome bound = analysis.payoffs(D, analysis.scenario(model, true)).runner(new Strategy.Honest());
            // README: none measured; at the 95 % upper bound of the false-positive rate (3/n) an honest runner would
            // lose at most 4.5 % (tiny) and 12.4 % (small: its flags bring follow-up audits) of its profit.
            assertThat(bound.loss() / (bound.profit() + bound.loss())).as(model).isLessThan(0.125);
        }
    }

    @Test
    void aRunnerOfflineOnOnePercentOfJobsKeepsMostOfItsProfit() {
        double kept = analysis.payoffs(D, analysis.scenario("tiny", false)).relativeToHonest(new Strategy.Offline(0.01));
        assertThat(kept).isBetween(Derivation.OFFLINE_KEEPS, 1.0);
    }

    @Test
    void theSmallestLockPaysTheChallengerAndTheJury() {
        double fraud = D.slashing().fraudSlashBps() / (double) NetworkParams.BPS;
        double slash = fraud * D.stakes().minJobLock();
        assertThat(slash * D.slashing().challengerShareBps() / NetworkParams.BPS)
            .isGreaterThan(evidence.fees().challenger() * 1e9);
        double treasuryShare = 1 - (D.slashing().challengerShareBps() + D.slashing().clientShareBps()) / (double) NetworkParams.BPS;
        assertThat(slash * treasuryShare).isGreaterThanOrEqualTo(D.jury().size() * (double) D.jury().jurorReward());
        assertThat((double) D.jury().jurorReward()).isGreaterThan(evidence.fees().jurorVote() * 1e9);
    }
}
