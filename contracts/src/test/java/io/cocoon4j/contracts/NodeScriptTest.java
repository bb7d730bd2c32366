package io.cocoon4j.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeScriptTest {

  @Test
  void aHungScriptIsKilledAtItsDeadlineNotWhenItsOutputEnds() {
    long t0 = System.nanoTime();
    // Prints, then never exits and never closes its output: reading to the end first would wait forever.
    NodeScriptException e = catchThrowableOfType(NodeScriptException.class,
        () -> NodeScript.of("-e", "console.log('started'); console.error('still here'); setInterval(() => {}, 1000)")
            .run(Duration.ofSeconds(2)));
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertThat(e).isNotNull();
    assertThat(e.timedOut()).isTrue();
    assertThat(e.getMessage()).contains("did not finish in 2 s").contains("still here");
    assertThat(seconds).as("returned soon after the deadline").isLessThan(15);
  }

  @Test
  void largeOutputOnBothStreamsDoesNotBlockAndStdinArrives() {
    String script = "let d='';process.stdin.on('data',c=>d+=c);process.stdin.on('end',()=>{"
        + "process.stderr.write('e'.repeat(300000));process.stdout.write(d.toUpperCase()+'x'.repeat(300000));"
        + "process.exitCode=3;});";
    NodeScript.Result r = NodeScript.of("-e", script).stdin("hello".getBytes(StandardCharsets.UTF_8))
        .run(Duration.ofSeconds(60));

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdoutText()).startsWith("HELLOxxx").hasSize(5 + 300_000);
    assertThat(r.stderr()).hasSize(300_000);
  }

  @Test
  void environmentAndArgumentsReachTheScript() {
    NodeScript.Result r = NodeScript.of("-e", "console.log(process.env.COCOON_X + ':' + process.argv[1])", "arg1")
        .env("COCOON_X", "42").run(Duration.ofSeconds(60));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutText().strip()).isEqualTo("42:arg1");
  }
}
