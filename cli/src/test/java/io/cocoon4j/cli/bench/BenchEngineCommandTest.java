package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import org.junit.jupiter.api.Test;

class BenchEngineCommandTest {
    @Test
    void quickRunPrintsOneJsonObjectWithTheRatio() throws Exception {
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("bench", "engine", "--quick", "--tokens", "16", "--runs", "1", "--threads", "1", "--json");
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("model").asText()).isEqualTo("tiny");
        assertThat(j.get("tokens").asInt()).isEqualTo(16);
        assertThat(j.get("tokens_per_s_ratio").asDouble()).isPositive();
        // Independent of the bench's clock: one run per engine of 16 tokens happened inside this call.
        assertThat(16 / j.get("tokens_per_s").asDouble() + 16 / j.get("reference_tokens_per_s").asDouble())
            .isLessThan(wallSeconds);
        assertThat(j.get("same_greedy_text").asBoolean()).isTrue();
        assertThat(j.get("engine_id").asText()).startsWith("llama.cpp-b4916-c6af2161/cpu/");
    }
}
