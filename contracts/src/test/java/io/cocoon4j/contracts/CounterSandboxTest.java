package io.cocoon4j.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the behaviour suite of counter.fc ({@code src/test/node/counter.test.mjs}) on the official
 * TON emulator of @ton/sandbox, against the code cell packaged in this jar.
 */
class CounterSandboxTest {
  @TempDir Path tmp;

  @Test
  void counterBehavesAsItsSchemaSaysOnTheTonEmulator() throws Exception {
    Path boc = Files.write(tmp.resolve("counter.code.boc"), Contracts.load("counter").codeBoc());
    ProcessBuilder pb = new ProcessBuilder(
            "node", "--test", "--test-reporter=tap", "src/test/node/counter.test.mjs")
        .redirectErrorStream(true);
    pb.environment().put("COUNTER_BOC", boc.toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node --test finished").isTrue();

    assertThat(p.exitValue()).as("node --test output:%n%s", output).isZero();
    assertThat(count(output, "fail")).as(output).isZero();
    assertThat(count(output, "pass")).as("scenarios that ran%n%s", output).isGreaterThanOrEqualTo(8);
  }

  private static int count(String tap, String what) {
    Matcher m = Pattern.compile("^# " + what + " (\\d+)$", Pattern.MULTILINE).matcher(tap);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
