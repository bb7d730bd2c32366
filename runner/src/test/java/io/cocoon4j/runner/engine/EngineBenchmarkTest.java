package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's reference path works and both engines agree on greedy output (figures are not asserted). */
class EngineBenchmarkTest {
    @Test
    void oursAndDeKherudProduceTheSameGreedyTextOnOneNativeBuild() throws Exception {
        List<String> log = new ArrayList<>();
        long t0 = System.nanoTime();
        EngineBenchmark.Result r = EngineBenchmark.run(new EngineBenchmark.Config(TinyModel.path(), 1, 24, 1), log::add);
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.sameText()).isTrue();
        assertThat(r.tokens()).isEqualTo(24);
        assertThat(r.oursTokensPerS()).isPositive();
        assertThat(r.referenceTokensPerS()).isPositive();
        assertThat(r.ratio()).isEqualTo(r.oursTokensPerS() / r.referenceTokensPerS());
        // Independent of the benchmark's own clock: one run of each side generated 24 tokens inside this call,
        // so the speeds it reports cannot add up to more time than the call took.
        assertThat(24 / r.oursTokensPerS() + 24 / r.referenceTokensPerS()).isLessThan(wallSeconds);
        assertThat(log).hasSize(2);
        assertThat(r.maxLogitDrift()).isBetween(0.0, 1e-3);
        assertThat(r.argmaxAgreement()).isEqualTo(1.0);
        assertThat(r.minTop2Gap()).isPositive();
    }
}
