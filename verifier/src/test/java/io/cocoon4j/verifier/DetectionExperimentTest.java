package io.cocoon4j.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.verifier.experiment.Cheat;
import io.cocoon4j.verifier.experiment.DetectionExperiment;
import org.junit.jupiter.api.Test;

/**
 * The detection experiment on the real tiny model: 200 honest jobs across thread counts and batch
 * shapes, no false positive and no audit flag; every cheat caught in each of two trials where it changed
 * the output: rejected, or for lower-precision copies of the weights whose every token lies within τ
 * (indistinguishable per position from drift), at least flagged by a margin hit.
 * {@code cocoon bench detect} runs the same code with 20 trials per cheat.
 */
class DetectionExperimentTest {

    @Test
    void honestJobsPassAndEveryCheatIsCaught() {
        DetectionExperiment.Report report = DetectionExperiment.run(TestModels.CACHE,
            new DetectionExperiment.Config(200, 2, 48, 7), System.err);
        System.err.println(report.toMap());
        assertThat(report.falsePositives()).isZero();
        assertThat(report.honestFlagged()).isZero();
        assertThat(report.cheats()).hasSize(Cheat.values().length);
        for (DetectionExperiment.CheatResult c : report.cheats()) {
            // Every cheat found jobs on which it changed the output ...
            assertThat(c.trials()).as(c.cheat() + " trials").isEqualTo(2);
            // ... and each wrong result was rejected, or (only possible within τ) flagged for audit.
            assertThat(c.detected() + c.flagged()).as(c.cheat() + " detected or flagged").isEqualTo(c.trials());
            if (c.cheat() != Cheat.LOWER_PRECISION_F16 && c.cheat() != Cheat.LOWER_PRECISION_Q8_0) {
                // Everything but a near-identical copy of the weights is provably wrong somewhere.
                assertThat(c.detected()).as(c.cheat() + " rejected").isEqualTo(c.trials());
            }
        }
    }
}
