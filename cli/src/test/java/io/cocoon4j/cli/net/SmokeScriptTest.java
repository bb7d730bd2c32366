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
 * script as a person runs it (bash, the cocoon command in its own JVMs), through the whole loop on the
 * protocol contracts: root deployed, runner and verifier operators registered with stakes, a job paid.
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
            // Each line below is read back from a contract's get-method after the message that changed it.
            assertThat(out).contains("smoke: OK").doesNotContain("smoke-test-password");
            assertThat(out).as("deploy check read the root's config back").contains("ok: true")
                    .contains("min_runner_stake_nanoton: 100000000000");
            assertThat(out).as("runner and verifier operators active").containsPattern(
                    "role: runner\\s+operator_address: \\S+\\s+operator_address_raw: 0:[0-9a-f]{64}\\s+status: active")
                    .containsPattern("role: verifier\\s+operator_address: \\S+\\s+operator_address_raw: 0:[0-9a-f]{64}"
                            + "\\s+status: active")
                    .contains("verifiers_registered: 1");
            assertThat(out).as("job open with its escrow").containsPattern(
                    "job_address_raw: 0:[0-9a-f]{64}\\s+nonce: \\d+\\s+state: open\\s+escrow_nanoton: 32000");
            String file = Files.readString(tmp.resolve("home/networks/local.json"));
            assertThat(file).contains("\"config_version\" : 1").contains("\"simulated_enclave_allowed\" : true")
                    .containsPattern("\"operator\" : \\{\\s+\"code_hash\" : \"[0-9a-f]{64}\"")
                    .containsPattern("\"job\" : \\{\\s+\"code_hash\" : \"[0-9a-f]{64}\"");
        }
    }
}
