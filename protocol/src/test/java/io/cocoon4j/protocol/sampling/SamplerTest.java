package io.cocoon4j.protocol.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.protocol.SamplingSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The sampler honours its filters, and the tolerance rule never rejects an honest token. */
class SamplerTest {

    @Property(tries = 300)
    void aSampledTokenSurvivesTopKTopPAndMinP(@ForAll("logits") float[] logits, @ForAll("specs") SamplingSpec.Sampled spec,
                                              @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u) {
        int token = Sampler.sample(logits, spec, u);
        Integer[] byRank = IntStream.range(0, logits.length).boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> -logits[i]).thenComparing(i -> i)).toArray(Integer[]::new);
        int rank = Arrays.asList(byRank).indexOf(token);
        if (spec.topK() > 0) {
            assertThat(rank).isLessThan(spec.topK());
        }
        int k = spec.topK() > 0 ? Math.min(spec.topK(), logits.length) : logits.length;
        double max = logits[byRank[0]];
        double total = 0;
        double before = 0;
        for (int r = 0; r < k; r++) {
            double w = Math.exp((logits[byRank[r]] - max) / spec.temperature());
            total += w;
            before += r < rank ? w : 0;
        }
        // The nucleus: the mass ranked above the token is below p (up to rounding).
        assertThat(before / total).isLessThan(spec.topP() + 1e-9);
        if (rank > 0) {
            assertThat(Math.exp((logits[token] - max) / spec.temperature())).isGreaterThanOrEqualTo(spec.minP() - 1e-12);
        }
    }

    @Property(tries = 300)
    void anHonestSampledTokenPassesAgainstDriftedLogits(@ForAll("logits") float[] logits,
                                                        @ForAll("specs") SamplingSpec.Sampled spec,
                                                        @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u,
                                                        @ForAll @DoubleRange(min = 0, max = 0.5) double tau,
                                                        @ForAll long driftSeed) {
        float[] runner = drift(logits, tau, driftSeed);
        int token = Sampler.sample(runner, spec, u);
        TokenCheck check = new Tolerance(tau).checkSampled(logits, spec, u, token);
        assertThat(check.passed()).as("%s", check).isTrue();
    }

    @Property(tries = 300)
    void anHonestGreedyTokenPassesAgainstDriftedLogits(@ForAll("logits") float[] logits,
                                                       @ForAll @DoubleRange(min = 0, max = 0.5) double tau,
                                                       @ForAll long driftSeed) {
        int token = Sampler.greedy(drift(logits, tau, driftSeed));
        assertThat(new Tolerance(tau).checkGreedy(logits, token).passed()).isTrue();
    }

    @Property(tries = 300)
    void withoutToleranceOnlyTheSampledTokenPasses(@ForAll("logits") float[] logits, @ForAll("specs") SamplingSpec.Sampled spec,
                                                   @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u) {
        // The rule keeps a 1e-12 margin for rounding: a draw that close to an interval boundary is ambiguous.
        net.jqwik.api.Assume.that(distanceToBoundary(logits, spec, u) > 1e-9);
        // Tied logits may swap rank under any perturbation, so the relaxation treats them as ambiguous.
        net.jqwik.api.Assume.that(IntStream.range(0, logits.length).mapToDouble(i -> logits[i]).distinct().count()
            == logits.length);
        int token = Sampler.sample(logits, spec, u);
        Tolerance exact = new Tolerance(0);
        for (int other = 0; other < logits.length; other++) {
            assertThat(exact.checkSampled(logits, spec, u, other).passed()).as("token %d", other).isEqualTo(other == token);
        }
    }

    @Test
    void aTokenFarBelowTheMaximumFailsWithEvidence() {
        float[] logits = {0f, 5f, 1f, 4.99f};
        Tolerance tolerance = new Tolerance(0.1);
        assertThat(tolerance.checkGreedy(logits, 3).passed()).isTrue();
        TokenCheck check = tolerance.checkGreedy(logits, 2);
        assertThat(check).isInstanceOf(TokenCheck.Fail.class);
        assertThat(check.evidence().bestToken()).isEqualTo(1);
        assertThat(check.evidence().gap()).isEqualTo(4.0);
        assertThat(((TokenCheck.Fail) check).reason()).contains("token 2", "below the maximum");
    }

    @Test
    void impossibleTokensAndBadLogitsGiveClearOutcomes() {
        float[] logits = {0f, 1f};
        Tolerance tolerance = new Tolerance(0.1);
        TokenCheck high = tolerance.checkGreedy(logits, 2);
        assertThat(high.passed()).isFalse();
        assertThat(((TokenCheck.Fail) high).reason()).contains("outside the vocabulary");
        assertThat(tolerance.checkSampled(logits, SamplingSpec.Sampled.withTemperature(1, 1), 0.5, -3).passed()).isFalse();
        assertThatThrownBy(() -> Sampler.greedy(new float[] {0f, Float.NaN})).hasMessageContaining("not finite");
        assertThatThrownBy(() -> Sampler.greedy(new float[0])).hasMessageContaining("no logits");
        assertThatThrownBy(() -> Sampler.sample(logits, SamplingSpec.Sampled.withTemperature(1, 1), 1.0))
            .hasMessageContaining("[0, 1)");
    }

    @Test
    void greedyBreaksTiesByLowestId() {
        assertThat(Sampler.greedy(new float[] {1f, 3f, -0.0f, 3f})).isEqualTo(1);
        assertThat(Sampler.greedy(new float[] {-0.0f, 0.0f})).isEqualTo(0);
    }

    /** How far {@code u} is from the nearest boundary of the sampler's CDF intervals (normalised). */
    static double distanceToBoundary(float[] logits, SamplingSpec.Sampled spec, double u) {
        Ranking ranking = Ranking.of(logits, spec.temperature());
        long[] byId = Sampler.idOrder(ranking, Sampler.keptRanks(ranking, spec));
        double total = 0;
        for (long k : byId) {
            total += ranking.weight[(int) k];
        }
        double running = 0;
        double nearest = u;
        for (long k : byId) {
            running += ranking.weight[(int) k];
            nearest = Math.min(nearest, Math.abs(running / total - u));
        }
        return nearest;
    }

    /** Each logit moved by less than tau/2 (0.45 tau, leaving room for float rounding). */
    static float[] drift(float[] logits, double tau, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] out = logits.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (logits[i] + (random.nextDouble() * 2 - 1) * 0.45 * tau);
        }
        return out;
    }

    @Provide
    Arbitrary<float[]> logits() {
        // Coarse values make exact ties and near ties common.
        Arbitrary<Float> coarse = Arbitraries.integers().between(-20, 20).map(i -> i * 0.25f);
        Arbitrary<Float> fine = Arbitraries.floats().between(-8, 8);
        return Arbitraries.oneOf(coarse, fine).array(float[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<SamplingSpec.Sampled> specs() {
        return Combinators.combine(
            Arbitraries.integers().between(50, 2000),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 20)),
            Arbitraries.oneOf(Arbitraries.just(1_000_000), Arbitraries.integers().between(1, 1_000_000)),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 500_000)),
            Arbitraries.longs()).as(SamplingSpec.Sampled::new);
    }
}
