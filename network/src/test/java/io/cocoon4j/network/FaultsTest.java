package io.cocoon4j.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cocoon4j.chain.ChainUnavailableException;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.network.client.HttpTransport;
import io.cocoon4j.network.client.NetworkEndpoint;
import io.cocoon4j.network.client.SentMessage;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.client.ToncenterClient;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.toncenter.ToncenterServer;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;

/** Faults injected in the HTTP layer and wrong configurations: each gives a clear, typed error; no payment twice. */
class FaultsTest {
    static LocalNetwork network;
    static ToncenterServer server;

    @BeforeAll
    static void start() {
        network = LocalNetwork.inMemory();
        server = ToncenterServer.start(network, 0, Optional.of("right-key"));
    }

    @AfterAll
    static void stop() {
        server.close();
        network.close();
    }

    static NetworkEndpoint endpoint(String url, String key) {
        return NetworkEndpoint.local(URI.create(url), Optional.ofNullable(key)).withRequestTimeout(Duration.ofSeconds(5));
    }

    @Test
    void lostAnswerToASendIsRetriedWithTheSameBytesAndPaysOnce() {
        HttpTransport real = HttpTransport.jdk(Duration.ofSeconds(2));
        AtomicInteger sends = new AtomicInteger();
        // The request reaches the chain, the answer is lost: the worst case for double payment.
        HttpTransport lossy = (uri, headers, body, timeout) -> {
            HttpTransport.Response r = real.post(uri, headers, body, timeout);
            if (new String(body, StandardCharsets.UTF_8).contains("\"sendBoc\"") && sends.getAndIncrement() == 0) {
                throw new IOException("connection reset (injected after the server processed the request)");
            }
            return r;
        };
        ToncenterChain chain = new ToncenterChain(new ToncenterClient(endpoint(server.endpoint(), "right-key"), lossy));
        Wallet payer = new Wallet(chain, WalletKind.V5R1, Ed25519Keys.fromName("faults-payer"), WalletV5.MAINNET_GLOBAL_ID);
        network.fund(payer.address(), ton("10"), null);
        Address payee = Address.of("0:" + "11".repeat(32));

        Trace t = payer.send(new Transfer(payee, ton("3"), false, null, null, Transfer.DEFAULT_MODE));

        assertThat(sends.get()).isEqualTo(2); // the retry resent…
        assertThat(network.account(payee).balance()).isEqualTo(ton("3")); // …but 3 TON arrived once
        assertThat(network.transactions(payee, 10)).hasSize(1);
        assertThat(payer.seqno()).isEqualTo(1);
        assertThat(t.root().account()).isEqualTo(payer.address());
        assertThat(chain.sentMessages()).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(SentMessage.Status.LANDED));
        BigInteger spent = ton("10").subtract(payer.balance());
        assertThat(spent).isLessThan(ton("3.1")).isGreaterThan(ton("3"));
    }

    @Test
    void transientServerErrorsAreRetried() {
        HttpTransport real = HttpTransport.jdk(Duration.ofSeconds(2));
        AtomicInteger calls = new AtomicInteger();
        HttpTransport flaky = (uri, headers, body, timeout) -> calls.incrementAndGet() % 2 == 1
                ? new HttpTransport.Response(503, "<html>busy</html>".getBytes(StandardCharsets.UTF_8), Optional.empty())
                : real.post(uri, headers, body, timeout);
        ToncenterChain chain = new ToncenterChain(new ToncenterClient(endpoint(server.endpoint(), "right-key"), flaky));
        assertThat(chain.masterchainSeqno()).isPositive();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void badApiKeyIsAClearErrorWithoutRetries() {
        ToncenterChain chain = ToncenterChain.connect(endpoint(server.endpoint(), "wrong-key"));
        assertThatThrownBy(chain::masterchainSeqno)
                .isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("API key")
                .hasMessageNotContaining("wrong-key");
        ToncenterChain none = ToncenterChain.connect(endpoint(server.endpoint(), null));
        assertThatThrownBy(none::masterchainSeqno).hasMessageContaining("401");
    }

    @Test
    void wrongEndpointNobodyListening() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ToncenterChain chain = ToncenterChain.connect(endpoint("http://127.0.0.1:" + port + "/api/v2", null).withMaxAttempts(2));
        assertThatThrownBy(() -> chain.account(Address.of("0:" + "22".repeat(32))))
                .isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("failed getAddressInformation 2 times").hasMessageContaining("no answer");
    }

    @Test
    void wrongEndpointNotAToncenterApi() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        other.createContext("/", ex -> {
            byte[] b = "<html>not found</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        other.start();
        try {
            ToncenterChain chain = ToncenterChain.connect(endpoint("http://127.0.0.1:" + other.getAddress().getPort() + "/wrong", null));
            assertThatThrownBy(chain::masterchainSeqno)
                    .isInstanceOf(ChainUnavailableException.class)
                    .hasMessageContaining("does not answer like a toncenter v2 API");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void rateLimitStormIsWaitedOutThenReported() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer limited = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        limited.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] b = "{\"ok\":false,\"error\":\"Ratelimit exceed\",\"code\":429}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.sendResponseHeaders(429, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        limited.start();
        try {
            ToncenterChain chain = ToncenterChain.connect(
                    endpoint("http://127.0.0.1:" + limited.getAddress().getPort() + "/api/v2", null).withMaxAttempts(3));
            long t0 = System.nanoTime();
            assertThatThrownBy(chain::masterchainSeqno)
                    .isInstanceOf(ChainUnavailableException.class)
                    .hasMessageContaining("429").hasMessageContaining("API key");
            assertThat(hits.get()).isEqualTo(3);
            // Retry-After: 1 honoured between the three attempts
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        } finally {
            limited.stop(0);
        }
    }

    @Test
    void unknownMethodAndBadParametersAreToncenterErrors() {
        var client = new ToncenterClient(endpoint(server.endpoint(), "right-key"), HttpTransport.jdk(Duration.ofSeconds(2)));
        long blockBefore = network.lastBlock().seqno();
        assertThatThrownBy(() -> client.call("noSuchMethod", java.util.Map.of()))
                .isInstanceOf(io.cocoon4j.network.toncenter.ToncenterError.class)
                .hasMessageContaining("unknown method");
        assertThatThrownBy(() -> client.call("getAddressInformation", java.util.Map.of("address", "not-an-address")))
                .isInstanceOf(io.cocoon4j.network.toncenter.ToncenterError.class)
                .hasMessageContaining("Incorrect address");
        assertThatThrownBy(() -> client.call("sendBoc", java.util.Map.of("boc", "AAAA")))
                .isInstanceOf(io.cocoon4j.network.toncenter.ToncenterError.class)
                .satisfies(e -> assertThat(((io.cocoon4j.network.toncenter.ToncenterError) e).code()).isEqualTo(400));
        assertThat(network.lastBlock().seqno()).isEqualTo(blockBefore); // nothing reached the chain
    }
}
