package io.cocoon4j.enclave.ratls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.RejectionReason;
import io.cocoon4j.enclave.SimulatedEnclave;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RA-TLS under HTTP: the JDK's HttpsServer and java.net.http.HttpClient, as runners and clients use them. */
class RaTlsHttpsTest {

    private static final OperatorAddress OPERATOR = new OperatorAddress(0, new byte[32]);

    private final SimulatedEnclave runner = SimulatedEnclave.ephemeral("runner-image-v1");
    private HttpsServer server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        SSLContext ctx = RaTls.builder().identity(runner, OPERATOR).build();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/v1/models", exchange -> {
            byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // "localhost" is not in the certificate: RA-TLS identifies the enclave, not the host name.
        uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/v1/models");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> get(AttestationPolicy policy) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
                .sslContext(RaTls.builder().verifyPeers(policy, EvidenceVerifier.simulatedOnly()).build()).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpClientTalksToAnAttestedHttpsServer() throws Exception {
        HttpResponse<String> r = get(AttestationPolicy.builder().allowSimulated(true)
                .allowMeasurement(runner.measurement()).requireIdentityKey(runner.identityKey().rawPublicKey()).build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"data\":[]}");
        RaTlsPeer peer = RaTlsPeer.of(r.sslSession().orElseThrow()).orElseThrow();
        assertThat(peer.measurement()).isEqualTo(runner.measurement());
    }

    @Test
    void httpClientRefusesAnUnattestedMeasurement() {
        AttestationPolicy other = AttestationPolicy.builder().allowSimulated(true)
                .allowMeasurement(Measurement.ofSimulatedImage("other")).build();

        assertThatThrownBy(() -> get(other)).satisfies(e -> assertThat(Loopback.rejection(e).orElseThrow().reason())
                .isEqualTo(RejectionReason.MEASUREMENT_NOT_ALLOWED));
    }
}
