package io.cocoon4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cocoon demo} and {@code cocoon bench chain} as a user runs them (in-process). */
class DemoCommandTest {

    @Test
    void demoRunsTheLocalScenarioAndEveryCheckHolds() throws Exception {
        CliRun run = CliRun.of("demo", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertThat(report.get("ok").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        for (JsonNode check : report.get("checks")) {
            assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
            names.add(check.get("name").asText());
        }
        assertThat(names).containsExactly(
                "wallets funded and deployed",
                "counter deployed by alice",
                "increment by 5",
                "a stranger's reset throws not_owner and bounces",
                "signed external increment by 3",
                "replayed external message rejected, nothing changed",
                "owner withdraws 0.5 TON an hour later",
                "unknown get-method fails with exit code 11",
                "an unused address reads as nonexistent");
        assertThat(report.get("checks_total").asInt()).isEqualTo(names.size());
        assertThat(report.get("checks_passed").asInt()).isEqualTo(names.size());
        assertThat(report.get("transactions").asInt()).isGreaterThan(10);
    }

    @Test
    void benchChainRejectsAnUnknownConfigWithOneClearLine() {
        CliRun run = CliRun.of("bench", "chain", "--config", "huge");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--config must be default or slim").doesNotContain("Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
