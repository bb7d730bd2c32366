package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.cli.Cocoon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cocoon bench verify} and {@code cocoon bench detect} as a user runs them. */
class BenchVerifyCommandTest {
    @TempDir
    Path models;

    @Test
    void quickVerifyBenchmarkPrintsOneJsonObjectWithTheRatio() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Cocoon.commandLine().execute("bench", "verify", "--quick", "--json", "--repeats", "1",
                "--models", models.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("accepted").asBoolean()).isTrue();
        assertThat(json.get("tokens").asInt()).isPositive();
        assertThat(json.get("verify_generate_ratio").asDouble()).isPositive();
        assertThat(json.get("generate_ms").asDouble()).isPositive();
    }

    @Test
    void badOptionsGiveOneClearLineAndNonZeroExit() {
        for (String[] args : new String[][] {
            {"bench", "verify", "--shape", "huge", "--models", models.toString()},
            {"bench", "detect", "--max-tokens", "1", "--models", models.toString()}}) {
            StringWriter err = new StringWriter();
            CommandLine cmd = Cocoon.commandLine();
            cmd.setErr(new PrintWriter(err));
            int code = cmd.execute(args);
            assertThat(code).isNotZero();
            assertThat(err.toString().strip()).doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1);
        }
    }
}
