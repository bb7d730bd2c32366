package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cocoon4j.enclave.dcap.collateral.CollateralException;
import io.cocoon4j.enclave.dcap.collateral.PcsClient;
import io.cocoon4j.enclave.dcap.collateral.PlatformRef;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PCS/PCCS client against a real HTTP server on loopback serving synthetic collateral. */
class PcsClientTest {
    private final TestPki pki = new TestPki();
    private final SyntheticCollateral collateral = new SyntheticCollateral(pki);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String chain = URLEncoder.encode(PemCertificates.encode(List.of(pki.tcbSigning, pki.root)), StandardCharsets.UTF_8)
            .replace("+", "%20");
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().toString();
            requests.add(path);
            try {
                if (path.startsWith("/pccs/tdx/certification/v4/tcb?fmspc=" + TestPki.FMSPC)) {
                    ex.getResponseHeaders().add("TCB-Info-Issuer-Chain", chain);
                    send(ex, 200, collateral.tcbInfoResponse());
                } else if (path.equals("/pccs/tdx/certification/v4/qe/identity")) {
                    ex.getResponseHeaders().add("SGX-Enclave-Identity-Issuer-Chain", chain);
                    send(ex, 200, collateral.qeIdentityResponse());
                } else if (path.equals("/pccs/sgx/certification/v4/pckcrl?ca=platform&encoding=der")) {
                    send(ex, 200, collateral.pckCrl.getEncoded());
                } else if (path.equals("/pccs/sgx/certification/v4/rootcacrl")) {
                    // PCCS serves the root CA CRL hex-encoded
                    send(ex, 200, java.util.HexFormat.of().formatHex(collateral.rootCrl.getEncoded()).getBytes(StandardCharsets.US_ASCII));
                } else {
                    send(ex, 404, "no such collateral".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (java.security.cert.CRLException e) {
                send(ex, 500, new byte[0]);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pccs/");
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fetchesOnceThenServesFromTheDiskCache(@TempDir Path cache) throws Exception {
        byte[] quote = new SyntheticQuote(pki).build();
        QuoteVerifier verifier = new QuoteVerifier(pki.root);
        Verdict v = verifier.verify(quote, new PcsClient(base, cache, Duration.ofSeconds(5)), SyntheticCollateral.AT,
            QuotePolicy.defaults());
        assertThat(v.accepted()).as(v.summary()).isTrue();
        assertThat(requests).hasSize(4);

        // a new client (a new process, say) with the same cache makes no request while the collateral is current
        Verdict again = verifier.verify(quote, new PcsClient(base, cache, Duration.ofSeconds(5)), SyntheticCollateral.AT,
            QuotePolicy.defaults());
        assertThat(again.accepted()).isTrue();
        assertThat(requests).hasSize(4);

        // past nextUpdate the cache is stale: the client asks again (this server still has only the old collateral)
        Verdict late = verifier.verify(quote, new PcsClient(base, cache, Duration.ofSeconds(5)),
            SyntheticCollateral.NEXT_UPDATE.plusSeconds(60), QuotePolicy.defaults());
        assertThat(requests).hasSize(8);
        assertThat(late.check(CheckId.TCB_INFO_VALIDITY).orElseThrow().failed()).isTrue();
    }

    @Test
    void unknownPlatformIsAClearHttpError(@TempDir Path cache) {
        PcsClient client = new PcsClient(base, cache, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.forPlatform(new PlatformRef("ffffffffffff", PlatformRef.PLATFORM_CA), SyntheticCollateral.AT))
            .isInstanceOf(CollateralException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> client.forPlatform(new PlatformRef("../../etc", PlatformRef.PLATFORM_CA), SyntheticCollateral.AT))
            .isInstanceOf(CollateralException.class).hasMessageContaining("12 hex digits");
    }

    @Test
    void deadServerIsAClearErrorAndAFailedCheck(@TempDir Path cache) {
        server.stop(0);
        server = null;
        PcsClient client = new PcsClient(base, cache, Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.forPlatform(new PlatformRef(TestPki.FMSPC, PlatformRef.PLATFORM_CA), SyntheticCollateral.AT))
            .isInstanceOf(CollateralException.class).hasMessageContaining("cannot reach the collateral service");
        Verdict v = new QuoteVerifier(pki.root).verify(new SyntheticQuote(pki).build(), client, SyntheticCollateral.AT,
            QuotePolicy.defaults());
        assertThat(v.check(CheckId.COLLATERAL).orElseThrow().reason()).contains("cannot reach");
        assertThat(v.signatureValid()).isTrue();
        assertThat(v.accepted()).isFalse();
    }
}
