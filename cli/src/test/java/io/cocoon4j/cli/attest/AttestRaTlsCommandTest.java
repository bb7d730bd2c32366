package io.cocoon4j.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.ratls.RaTls;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cocoon attest ratls} against a real RA-TLS server on loopback backed by a simulated enclave. */
class AttestRaTlsCommandTest {

    private static final OperatorAddress OPERATOR = OperatorAddress.parse("0:" + "42".repeat(32));

    private final SimulatedEnclave runner = SimulatedEnclave.ephemeral("runner-image-v1");
    private SSLServerSocket server;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        server = RaTls.serverSocket(RaTls.builder().identity(runner, OPERATOR).build(), 0, false);
        endpoint = "127.0.0.1:" + server.getLocalPort();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                } catch (SocketException closed) {
                    return;
                } catch (Exception rejectedByClient) {
                    // the client refused us: wait for the next one
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void attestedSimulatedRunnerIsAcceptedWhenAllowed() throws Exception {
        CliRun r = CliRun.of("attest", "ratls", endpoint, "--allow-simulated", "--measurement", runner.measurement().hex(), "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("accepted").asBoolean()).isTrue();
        assertThat(j.get("tee").asText()).isEqualTo("SIMULATED");
        assertThat(j.get("measurement").asText()).isEqualTo(runner.measurement().hex());
        assertThat(j.get("identity_key").asText()).isEqualTo(HexFormat.of().formatHex(runner.identityKey().rawPublicKey()));
        assertThat(j.get("operator").asText()).isEqualTo(OPERATOR.toString());
        assertThat(j.get("protocol").asText()).isEqualTo("TLSv1.3");
    }

    @Test
    void policyFileIsHonouredAndRejectionsNameTheReason(@TempDir Path tmp) throws Exception {
        Path policy = Files.writeString(tmp.resolve("policy.json"),
                "{\"allow_simulated\":true,\"allowed_measurements\":[\"" + "00".repeat(32) + "\"]}");

        CliRun r = CliRun.of("attest", "ratls", endpoint, "--policy", policy.toString(), "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(AttestRaTlsCommand.REJECTED);
        assertThat(r.json().get("accepted").asBoolean()).isFalse();
        assertThat(r.json().get("reason").asText()).isEqualTo("MEASUREMENT_NOT_ALLOWED");

        CliRun strict = CliRun.of("attest", "ratls", endpoint, "--measurement", runner.measurement().hex(), "--json");
        assertThat(strict.exit()).isEqualTo(AttestRaTlsCommand.REJECTED);
        assertThat(strict.json().get("reason").asText()).isEqualTo("SIMULATED_NOT_ALLOWED");
    }

    @Test
    void badInputIsOneLineAndExitOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        for (String[] args : new String[][] {
            {"attest", "ratls", "no-port-here"},
            {"attest", "ratls", "127.0.0.1:" + closedPort, "--timeout", "2"},
            {"attest", "ratls", endpoint, "--measurement", "xyz"},
            {"attest", "ratls", endpoint, "--policy", "/no/such/policy.json"},
        }) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }
}
