package io.cocoon4j.cli.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cocoon4j.cli.RepoRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's run of {@code testnet-scripts/smoke.sh local} against a started {@code cocoon up}: the
 * script as a person runs it (bash, the cocoon command in its own JVMs), through the whole loop.
 */
class SmokeScriptTest {

    @Test
    void smokeLocalPassesAgainstCocoonUp(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is missing: skipping the smoke script");
        Path script = RepoRoot.find().resolve("testnet-scripts/smoke.sh");
        Map<String, String> env = Map.of("COCOON_HOME", tmp.resolve("home").toString());
        try (CocoonProcess.Up up = CocoonProcess.up(env, "--port", String.valueOf(UpResumeTest.freePort()))) {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "local").redirectErrorStream(true);
            pb.environment().putAll(env);
            pb.environment().put("COCOON", String.join(" ", CocoonProcess.command()));
            pb.environment().put("COCOON_LOCAL_ENDPOINT", up.endpoint());
            pb.environment().put("COCOON_WALLET_PASSWORD", "smoke-test-password");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("smoke: OK").contains("counter_after: 1").contains("ok: true")
                    .doesNotContain("smoke-test-password");
            assertThat(tmp.resolve("home/networks/local.json")).exists();
            assertThat(Files.readString(tmp.resolve("home/networks/local.json"))).contains("\"config_version\" : 1")
                    .contains("\"code_hash\"");
        }
    }
}
