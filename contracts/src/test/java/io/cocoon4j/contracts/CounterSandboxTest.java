package io.cocoon4j.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    NodeScript.Result r = NodeScript.of("--test", "--test-reporter=tap", "src/test/node/counter.test.mjs")
        .env("COUNTER_BOC", boc.toString()).run(Duration.ofSeconds(120));
    String output = r.stdoutText() + r.stderr();

    assertThat(r.exitCode()).as("node --test output:%n%s", output).isZero();
    assertThat(count(output, "fail")).as(output).isZero();
    assertThat(count(output, "pass")).as("scenarios that ran%n%s", output).isGreaterThanOrEqualTo(8);
  }

  private static int count(String tap, String what) {
    Matcher m = Pattern.compile("^# " + what + " (\\d+)$", Pattern.MULTILINE).matcher(tap);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
