package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cocoon bench verify} and {@code cocoon bench detect} as a user runs them. */
class BenchVerifyCommandTest {
    @TempDir
    Path models;

    @Test
    void quickVerifyBenchmarkPrintsOneJsonObjectWithTheRatio() throws Exception {
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("bench", "verify", "--quick", "--json", "--repeats", "2", "--models", models.toString());
        double wallMs = (System.nanoTime() - t0) / 1e6;
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("accepted").asBoolean()).isTrue();
        assertThat(json.get("tokens").asInt()).isPositive();
        assertThat(json.get("verify_generate_ratio").asDouble()).isPositive();
        assertThat(json.get("generate_ms").asDouble()).isPositive();
        // Independent of the bench's own clock: two runs of each side happened inside this call.
        assertThat(2 * (json.get("generate_ms").asDouble() + json.get("verify_ms").asDouble())).isLessThan(wallMs);
    }

    @Test
    void aSmallDetectionRunCatchesEveryCheatWithoutFalsePositives() throws Exception {
        CliRun run = CliRun.of("bench", "detect", "--honest-jobs", "8", "--trials", "1", "--max-tokens", "16", "--json",
            "--models", models.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("honest_jobs").asInt()).isEqualTo(8);
        assertThat(json.get("false_positives").asInt()).isZero();
        JsonNode cheats = json.get("cheats");
        assertThat(cheats.size()).isEqualTo(8);
        cheats.fields().forEachRemaining(c -> {
            assertThat(c.getValue().get("trials").asInt()).as(c.getKey()).isEqualTo(1);
            assertThat(c.getValue().get("detected").asInt() + c.getValue().get("accepted_but_flagged").asInt())
                .as(c.getKey()).isEqualTo(1);
        });
    }

    @Test
    void badOptionsGiveOneClearLineAndNonZeroExit() {
        for (String[] args : new String[][] {
            {"bench", "verify", "--shape", "huge", "--models", models.toString()},
            {"bench", "detect", "--max-tokens", "1", "--models", models.toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).isNotZero();
            assertThat(run.err().strip()).doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1);
        }
    }
}
