package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.enclave.Evidence;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.ReportData;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.enclave.ratls.RaTlsCertificate;
import io.cocoon4j.enclave.ratls.RaTlsKeyManager;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon bench ratls}: what attestation adds to a TLS 1.3 connection. The reference is a
 * TLS 1.3 handshake on loopback with the same Ed25519 key and the same certificate, where the
 * client only pins the key; the subject is the same handshake where the client verifies the
 * certificate's (simulated) evidence against a policy. Both in one process, interleaved.
 */
@Command(name = "ratls", mixinStandardHelpOptions = true,
        description = "RA-TLS handshake cost against a plain TLS 1.3 handshake with the same key (loopback).")
public final class RaTlsBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer iterations (a smoke run).")
    boolean quick;

    @Option(names = "--iterations", description = "Measured handshakes per variant (default 300, --quick 30).")
    Integer iterations;

    @Mixin
    ReportOptions output;

    @Option(names = "--tdx-quote", paramLabel = "FILE",
            description = "Also time DCAP verification (chain and signatures, no collateral) of this real TDX quote.")
    java.nio.file.Path tdxQuote;

    @Option(names = "--at", paramLabel = "ISO-8601",
            description = "Verification time for --tdx-quote (its PCK certificates must be valid then; default now).")
    Instant at;

    private static final OperatorAddress OPERATOR = new OperatorAddress(0, new byte[32]);

    @Override
    public Integer call() throws Exception {
        int n = iterations != null ? iterations : quick ? 30 : 300;
        if (n < 1 || n > 100_000) {
            throw new IllegalArgumentException("--iterations must be 1..100000");
        }
        byte[] quote = null;
        if (tdxQuote != null) {
            if (!java.nio.file.Files.isRegularFile(tdxQuote)) {
                throw new IllegalArgumentException("--tdx-quote " + tdxQuote + ": no such file");
            }
            quote = java.nio.file.Files.readAllBytes(tdxQuote);
            io.cocoon4j.enclave.dcap.Verdict verdict = io.cocoon4j.enclave.dcap.QuoteVerifier.intel()
                    .verifySignaturesOnly(quote, at != null ? at : Instant.now());
            if (!verdict.signatureValid()) {
                throw new IllegalArgumentException(tdxQuote + ": " + verdict.summary());
            }
        }
        SimulatedEnclave enclave = SimulatedEnclave.ephemeral("bench-image");
        EnclaveKey key = enclave.identityKey();
        X509Certificate cert = RaTlsCertificate.issue(enclave, OPERATOR, Instant.now(), Duration.ofDays(1));
        SSLContext plainServer = RaTls.builder().keyManager(RaTlsKeyManager.fixed(key.privateKey(), cert)).build();
        SSLContext raTlsServer = RaTls.builder().keyManager(RaTlsKeyManager.fixed(key.privateKey(), cert)).build();
        AttestationPolicy policy = AttestationPolicy.builder().allowSimulated(true).allowMeasurement(enclave.measurement()).build();

        System.err.println("bench ratls: " + n + " handshakes per variant after " + Math.max(5, n / 5) + " warm-up");
        double[] handshakeMs = interleavedHandshakes(plainServer, () -> pinnedClient(key), raTlsServer,
                () -> RaTls.builder().verifyPeers(policy, EvidenceVerifier.simulatedOnly()).build(), n);
        double plainMs = handshakeMs[0];
        double raTlsMs = handshakeMs[1];

        byte[] nonce = new byte[32];
        Evidence evidence = enclave.evidence(OPERATOR, nonce);
        ReportData expected = ReportData.bind(key.rawPublicKey(), OPERATOR, nonce);
        EvidenceVerifier verifier = EvidenceVerifier.simulatedOnly();
        double[] issueAndVerifyUs = interleavedMicros(n,
                () -> RaTlsCertificate.issue(enclave, OPERATOR, Instant.now(), Duration.ofDays(1)),
                () -> verifier.verify(evidence, expected, policy, Instant.now()));
        double raTlsCertUs = issueAndVerifyUs[0];
        double verifyUs = issueAndVerifyUs[1];

        Double tdxVerifyUs = null;
        if (quote != null) {
            byte[] q = quote;
            Instant when = at != null ? at : Instant.now();
            io.cocoon4j.enclave.dcap.QuoteVerifier dcap = io.cocoon4j.enclave.dcap.QuoteVerifier.intel();
            tdxVerifyUs = interleavedMicros(n, () -> dcap.verifySignaturesOnly(q, when), () -> dcap.verifySignaturesOnly(q, when))[0];
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("iterations", n);
        report.put("plain_tls13_handshake_ms", round(plainMs));
        report.put("ratls_handshake_ms", round(raTlsMs));
        report.put("ratls_vs_plain_handshake_ratio", round(raTlsMs / plainMs));
        report.put("ratls_certificate_issue_us", round(raTlsCertUs));
        report.put("ratls_certificate_issue_vs_plain_handshake_ratio", round(raTlsCertUs / 1000 / plainMs));
        report.put("simulated_evidence_verify_us", round(verifyUs));
        if (tdxVerifyUs != null) {
            report.put("tdx_quote_verify_us", round(tdxVerifyUs));
            report.put("tdx_quote_verify_vs_plain_handshake_ratio", round(tdxVerifyUs / 1000 / plainMs));
        }
        report.put("note", "loopback, one client context per handshake (no resumption), same certificate both ways "
                + "(reference client pins the key only); evidence is simulated: TDX adds the DCAP quote verification time");
        output.print(report);
        return 0;
    }

    interface Action {
        Object run() throws Exception;
    }

    interface ContextFactory {
        SSLContext create() throws Exception;
    }

    /**
     * Mean milliseconds per full handshake plus one byte each way, for two server/client pairs
     * alternating connection by connection, so both see the same JIT state and machine load.
     */
    private static double[] interleavedHandshakes(SSLContext serverA, ContextFactory clientA, SSLContext serverB,
            ContextFactory clientB, int n) throws Exception {
        try (SSLServerSocket a = RaTls.serverSocket(serverA, 0, false); SSLServerSocket b = RaTls.serverSocket(serverB, 0, false)) {
            for (SSLServerSocket server : new SSLServerSocket[] {a, b}) {
                Thread acceptor = new Thread(() -> serve(server), "bench-ratls-server");
                acceptor.setDaemon(true);
                acceptor.start();
            }
            for (int i = 0; i < Math.max(5, n / 5); i++) {
                connect(clientA.create(), a.getLocalPort());
                connect(clientB.create(), b.getLocalPort());
            }
            long nanosA = 0;
            long nanosB = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                connect(clientA.create(), a.getLocalPort());
                long t1 = System.nanoTime();
                connect(clientB.create(), b.getLocalPort());
                long t2 = System.nanoTime();
                nanosA += t1 - t0;
                nanosB += t2 - t1;
            }
            return new double[] {nanosA / 1e6 / n, nanosB / 1e6 / n};
        }
    }

    private static void serve(SSLServerSocket server) {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.startHandshake();
                s.getOutputStream().write(s.getInputStream().read());
                s.getOutputStream().flush();
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                System.err.println("bench ratls: server side: " + e.getMessage());
            }
        }
    }

    private static void connect(SSLContext ctx, int port) throws Exception {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setEnabledProtocols(new String[] {RaTls.PROTOCOL});
            s.startHandshake();
            s.getOutputStream().write(1);
            s.getOutputStream().flush();
            if (s.getInputStream().read() != 1) {
                throw new IllegalStateException("echo failed");
            }
        }
    }

    /** Mean microseconds per operation of two actions run alternately. */
    private static double[] interleavedMicros(int n, Action a, Action b) throws Exception {
        for (int i = 0; i < Math.max(5, n / 5); i++) {
            a.run();
            b.run();
        }
        long nanosA = 0;
        long nanosB = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            a.run();
            long t1 = System.nanoTime();
            b.run();
            nanosA += t1 - t0;
            nanosB += System.nanoTime() - t1;
        }
        return new double[] {nanosA / 1e3 / n, nanosB / 1e3 / n};
    }

    /** The reference client: trusts exactly the server's key, checks nothing else. */
    private static SSLContext pinnedClient(EnclaveKey key) throws Exception {
        SSLContext ctx = SSLContext.getInstance(RaTls.PROTOCOL);
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (!chain[0].getPublicKey().equals(key.publicKey())) {
                    throw new CertificateException("not the pinned key");
                }
                chain[0].checkValidity();
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
