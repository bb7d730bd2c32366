package io.cocoon4j.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.verifier.experiment.Cheat;
import io.cocoon4j.verifier.experiment.DetectionExperiment;
import org.junit.jupiter.api.Test;

/**
 * The detection experiment on the real tiny model: 200 honest jobs across thread counts and batch
 * shapes, no false positive; every cheat caught in each of two trials where it changed the output.
 * {@code cocoon bench detect} runs the same code with 20 trials per cheat.
 */
class DetectionExperimentTest {

    @Test
    void honestJobsPassAndEveryCheatIsCaught() {
        DetectionExperiment.Report report = DetectionExperiment.run(TestModels.CACHE,
            new DetectionExperiment.Config(200, 2, 48, 7), System.err);
        System.err.println(report.toMap());
        assertThat(report.falsePositives()).isZero();
        assertThat(report.cheats()).hasSize(Cheat.values().length);
        for (DetectionExperiment.CheatResult c : report.cheats()) {
            // Every cheat found jobs on which it changed the output, and was caught on each of them.
            assertThat(c.trials()).as(c.cheat() + " trials").isEqualTo(2);
            assertThat(c.detected()).as(c.cheat() + " detected").isEqualTo(c.trials());
        }
    }
}
