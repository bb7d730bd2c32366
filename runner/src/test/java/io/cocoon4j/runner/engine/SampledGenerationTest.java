package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sampled generation through a seeded {@link TokenChooser}, replayed by a verifier against the
 * logits of one scoring pass.
 */
class SampledGenerationTest extends TinyEngineTestBase {
    /** Softmax sampling at temperature 1 with one uniform draw per position from a seeded stream. */
    static TokenChooser sampler(long seed) {
        return new TokenChooser() {
            final SplittableRandom random = new SplittableRandom(seed);

            @Override
            public int choose(int position, float[] logits) {
                double u = random.nextDouble();
                return pick(logits, u);
            }
        };
    }

    static int pick(float[] logits, double u) {
        float max = logits[io.cocoon4j.protocol.sampling.Sampler.greedy(logits)];
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double acc = 0;
        for (int t = 0; t < logits.length; t++) {
            acc += Math.exp(logits[t] - max) / sum;
            if (u < acc) {
                return t;
            }
        }
        return logits.length - 1;
    }

    @Test
    void sampledOutputIsReproducibleAndReplaysFromScores() {
        int[] prompt = engine.tokenize("the chain and the proof", true);
        Generation a = engine.generate(prompt, 48, sampler(7), false);
        Generation b = engine.generate(prompt, 48, sampler(7), false);
        Generation other = engine.generate(prompt, 48, sampler(8), false);
        assertThat(a).isEqualTo(b);
        assertThat(other.tokens()).isNotEqualTo(a.tokens());
        // A verifier replays the same draws against the teacher-forced logits.
        Scores s = engine.score(prompt, a.tokens());
        SplittableRandom draws = new SplittableRandom(7);
        int agree = 0;
        for (int i = 0; i < s.rows(); i++) {
            if (pick(s.row(i), draws.nextDouble()) == a.tokens()[i]) {
                agree++;
            }
        }
        // Drift between batch shapes is ~1e-5 on this model; a draw landing that close to a bucket edge is rare.
        assertThat(agree).isGreaterThanOrEqualTo(s.rows() - 1);
        // Sampling at temperature 1 does not just follow the argmax.
        int greedyAgree = 0;
        for (int i = 0; i < s.rows(); i++) {
            greedyAgree += s.argmax(i) == a.tokens()[i] ? 1 : 0;
        }
        assertThat(greedyAgree).isLessThan(s.rows());
    }
}
