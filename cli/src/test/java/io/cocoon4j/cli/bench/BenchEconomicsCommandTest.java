package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import io.cocoon4j.protocol.params.NetworkParams;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchEconomicsCommandTest {
    @Test
    void quickRunReportsTheVerdictsAtTheDefaultsAndWritesTheReport(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("bench", "economics", "--quick", "--json", "--out", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("cheat_profitable").asBoolean()).isFalse();
        assertThat(j.get("verifier_profitable").asBoolean()).isTrue();
        assertThat(j.get("min_audit_rate").asDouble()).isPositive()
            .isLessThanOrEqualTo(NetworkParams.DEFAULTS.audit().rate());
        assertThat(j.get("jury_collusion_threshold").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("simulated_runners").asInt()).isEqualTo(1_000);
        assertThat(Files.readString(dir.resolve("economics.md"))).contains("Derived defaults");
        assertThat(dir.resolve("profit_vs_cheat_probability.png")).isNotEmptyFile();
    }
}
