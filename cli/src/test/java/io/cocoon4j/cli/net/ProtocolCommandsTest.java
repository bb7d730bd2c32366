package io.cocoon4j.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cocoon deploy}, {@code runner join}, {@code verifier join} and {@code job submit} in-process
 * against a local endpoint on the real root/operator/job contracts, and the refusals that send
 * nothing.
 */
class ProtocolCommandsTest {
    static TestEndpoint endpoint;
    @TempDir
    static Path home;
    static Path pw;

    @BeforeAll
    static void start() throws Exception {
        endpoint = TestEndpoint.start(home);
        pw = endpoint.passwordFile();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    private static void wallet(String name, String ton) throws Exception {
        assertThat(CliRun.of("wallet", "create", name, "--password-file", pw.toString()).exit()).isZero();
        assertThat(CliRun.of("wallet", "fund", name, "--amount", ton).exit()).isZero();
    }

    private static String balance(String name) throws Exception {
        return CliRun.of("wallet", "balance", name, "--json").json().path("balance_nanoton").asText();
    }

    @Test
    void deployJoinAndSubmitOnTheProtocolContracts() throws Exception {
        wallet("owner", "50");
        wallet("runner", "300");
        wallet("verifier", "100");
        wallet("client", "10");

        CliRun deployed = CliRun.of("deploy", "--wallet", "owner", "--password-file", pw.toString(), "--json");
        assertThat(deployed.exit()).as(deployed.err()).isZero();
        assertThat(deployed.json().path("config_version").asLong()).isEqualTo(1);
        assertThat(deployed.json().path("simulated_enclave_allowed").asBoolean()).isFalse();
        CliRun check = CliRun.of("deploy", "check", "--json");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.json().path("root_address_raw").asText())
                .isEqualTo(deployed.json().path("root_address_raw").asText());
        assertThat(check.json().path("verifiers").asLong()).isZero();

        // a root deployed without --allow-simulated refuses the simulated enclave: nothing is sent
        String before = balance("runner");
        CliRun refused = CliRun.of("runner", "join", "--wallet", "runner", "--password-file", pw.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("--allow-simulated");
        assertThat(balance("runner")).isEqualTo(before);

        CliRun again = CliRun.of("deploy", "--wallet", "owner", "--allow-simulated", "--password-file", pw.toString(),
                "--json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.json().path("already_deployed").asBoolean()).isTrue();

        CliRun unknownModel = CliRun.of("runner", "join", "--wallet", "runner", "--model", "ff".repeat(32),
                "--password-file", pw.toString());
        assertThat(unknownModel.exit()).isEqualTo(1);
        assertThat(unknownModel.err()).contains("does not allow model").contains("nothing was sent");
        assertThat(balance("runner")).isEqualTo(before);

        CliRun runner = CliRun.of("runner", "join", "--wallet", "runner", "--stake", "2", "--password-file",
                pw.toString(), "--json");
        assertThat(runner.exit()).as(runner.err()).isZero();
        assertThat(runner.json().path("status").asText()).isEqualTo("active");
        assertThat(new java.math.BigInteger(runner.json().path("stake_nanoton").asText()))
                .isGreaterThanOrEqualTo(new java.math.BigInteger("102000000000"));

        CliRun verifier = CliRun.of("verifier", "join", "--wallet", "verifier", "--password-file", pw.toString(), "--json");
        assertThat(verifier.exit()).as(verifier.err()).isZero();
        assertThat(verifier.json().path("role").asText()).isEqualTo("verifier");
        assertThat(verifier.json().path("verifiers_registered").asLong()).isEqualTo(1);
        assertThat(verifier.json().path("operator_address_raw").asText())
                .isNotEqualTo(runner.json().path("operator_address_raw").asText());

        CliRun job = CliRun.of("job", "submit", "--wallet", "client", "--prompt", "hi", "--max-tokens", "10",
                "--price", "500", "--nonce", "7", "--password-file", pw.toString(), "--json");
        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(job.json().path("state").asText()).isEqualTo("open");
        assertThat(job.json().path("escrow_nanoton").asText()).isEqualTo("5000");
        assertThat(job.json().path("nonce").asText()).isEqualTo("7");
    }

    /** A network given by URL takes the real-network path: every message is emulated before it is sent. */
    @Test
    void realNetworkPathEmulatesFirstAndStopsAFailingJob() throws Exception {
        String url = endpoint.server().endpoint();
        wallet("url-owner", "20");
        wallet("url-client", "5");
        String model = "cd".repeat(32);
        CliRun deployed = CliRun.of("deploy", "--network", url, "--wallet", "url-owner", "--allow-model", model,
                "--price-cap", "100", "--password-file", pw.toString(), "--json");
        assertThat(deployed.exit()).as(deployed.err()).isZero();
        assertThat(new java.math.BigDecimal(deployed.json().path("preflight_fees_ton").asText())).isPositive();

        String before = balance("url-client");
        CliRun tooDear = CliRun.of("job", "submit", "--network", url, "--wallet", "url-client", "--model", model,
                "--prompt", "hi", "--price", "101", "--password-file", pw.toString());
        assertThat(tooDear.exit()).isEqualTo(1);
        assertThat(tooDear.err()).contains("create_job not sent: the pre-flight emulation predicts a failure");
        assertThat(balance("url-client")).isEqualTo(before);

        CliRun job = CliRun.of("job", "submit", "--network", url, "--wallet", "url-client", "--model", model,
                "--prompt", "hi", "--price", "100", "--password-file", pw.toString(), "--json");
        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(new java.math.BigDecimal(job.json().path("preflight_fees_ton").asText())).isPositive();
        assertThat(job.json().path("state").asText()).isEqualTo("open");
    }

    @Test
    void realNetworksNeverTakeTheSimulatedEnclave() throws Exception {
        CliRun deploy = CliRun.of("deploy", "--network", "testnet", "--wallet", "x", "--allow-simulated");
        assertThat(deploy.exit()).isEqualTo(1);
        assertThat(deploy.err()).contains("local networks only");
        CliRun join = CliRun.of("verifier", "join", "--network", "mainnet", "--wallet", "x");
        assertThat(join.exit()).isEqualTo(1);
        assertThat(join.err()).contains("Intel TDX").contains("Nothing was sent");
    }

    @Test
    void helpTextsGuideANewcomer() throws Exception {
        assertThat(CliRun.of("runner", "join", "--help").out()).contains("--stake").contains("--model").contains("--price")
                .contains("--network").contains("cocoon runner join --network local");
        assertThat(CliRun.of("verifier", "join", "--help").out()).contains("--stake").contains("bond")
                .contains("cocoon verifier join");
        assertThat(CliRun.of("job", "submit", "--help").out()).contains("--prompt").contains("--max-tokens")
                .contains("cocoon job submit");
    }
}
