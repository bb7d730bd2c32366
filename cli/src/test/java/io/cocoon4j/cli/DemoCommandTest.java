package io.cocoon4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code cocoon demo} and {@code cocoon bench chain} as a user runs them (in-process). */
class DemoCommandTest {

    @Test
    void demoRunsTheLocalScenarioAndEveryCheckHolds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = Cocoon.commandLine().execute("demo", "--json");
        } finally {
            System.setOut(saved);
        }
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(exit).isZero();
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
        StringWriter err = new StringWriter();
        CommandLine cmd = Cocoon.commandLine();
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("bench", "chain", "--config", "huge");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("--config must be default or slim").doesNotContain("Exception");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
