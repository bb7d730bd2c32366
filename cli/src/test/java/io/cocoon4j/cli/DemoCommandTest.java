package io.cocoon4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
        assertThat(report.get("checks_total").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(report.get("checks_passed").asInt()).isEqualTo(report.get("checks_total").asInt());
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
