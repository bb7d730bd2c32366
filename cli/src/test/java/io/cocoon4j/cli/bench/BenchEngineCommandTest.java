package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.cli.Cocoon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchEngineCommandTest {
    @Test
    void quickRunPrintsOneJsonObjectWithTheRatio() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Cocoon.commandLine().execute("bench", "engine", "--quick", "--tokens", "16", "--runs", "1", "--threads", "1", "--json");
        } finally {
            System.setOut(saved);
        }
        assertThat(code).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.get("model").asText()).isEqualTo("tiny");
        assertThat(j.get("tokens").asInt()).isEqualTo(16);
        assertThat(j.get("tokens_per_s_ratio").asDouble()).isPositive();
        assertThat(j.get("same_greedy_text").asBoolean()).isTrue();
        assertThat(j.get("engine_id").asText()).startsWith("llama.cpp-b4916-c6af2161/cpu/");
    }
}
