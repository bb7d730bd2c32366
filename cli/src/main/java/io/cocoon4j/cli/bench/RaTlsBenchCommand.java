package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.enclave.Evidence;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.ReportData;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.dcap.QuotePolicy;
import io.cocoon4j.enclave.dcap.QuoteVerifier;
import io.cocoon4j.enclave.dcap.Verdict;
import io.cocoon4j.enclave.dcap.collateral.CollateralDirectory;
import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.pki.P256;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import io.cocoon4j.enclave.dcap.quote.Quote;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.enclave.ratls.RaTlsCertificate;
import io.cocoon4j.enclave.ratls.RaTlsKeyManager;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
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
 * certificate's (simulated) evidence against a policy. Both in one process, in alternating order
 * (plain first in half the rounds, RA-TLS first in the other half), each with a fresh client
 * context per handshake.
 *
 * <p>With {@code --tdx-quote}, DCAP verification of a real quote is timed cold (the first in this
 * process: no signature result remembered yet) and warm (repeated: certificate, CRL and collateral
 * signatures remembered), both against one ECDSA P-256 verification in the same run.
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
            description = "Also time DCAP verification of this real TDX quote, cold (first in this process) and warm.")
    Path tdxQuote;

    @Option(names = "--collateral", paramLabel = "DIR",
            description = "Collateral for --tdx-quote (TCB info, QE identity, CRLs), so every check runs; "
                    + "without it only chain and signatures are checked.")
    Path collateral;

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
        if (collateral != null && tdxQuote == null) {
            throw new IllegalArgumentException("--collateral needs --tdx-quote");
        }
        if (collateral != null && !Files.isDirectory(collateral)) {
            throw new IllegalArgumentException("--collateral " + collateral + ": no such directory");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("iterations", n);
        report.put("order", "alternating: each variant runs first in half of the rounds");
        // First, before anything else in this process verifies a signature the verifier remembers.
        if (tdxQuote != null) {
            timeTdx(report, n);
        }

        SimulatedEnclave enclave = SimulatedEnclave.ephemeral("bench-image");
        EnclaveKey key = enclave.identityKey();
        X509Certificate cert = RaTlsCertificate.issue(enclave, OPERATOR, Instant.now(), Duration.ofDays(1));
        SSLContext plainServer = RaTls.builder().keyManager(RaTlsKeyManager.fixed(key.privateKey(), cert)).build();
        SSLContext raTlsServer = RaTls.builder().keyManager(RaTlsKeyManager.fixed(key.privateKey(), cert)).build();
        AttestationPolicy policy = AttestationPolicy.builder().allowSimulated(true).allowMeasurement(enclave.measurement()).build();

        int warmup = Math.max(5, n / 5);
        System.err.println("bench ratls: " + n + " handshakes per variant after " + warmup + " warm-up");
        Alternation.Timing handshakes;
        try (SSLServerSocket a = RaTls.serverSocket(plainServer, 0, false);
             SSLServerSocket b = RaTls.serverSocket(raTlsServer, 0, false)) {
            for (SSLServerSocket server : new SSLServerSocket[] {a, b}) {
                Thread acceptor = new Thread(() -> serve(server), "bench-ratls-server");
                acceptor.setDaemon(true);
                acceptor.start();
            }
            handshakes = Alternation.time(warmup, n, 1,
                    () -> connect(pinnedClient(key), a.getLocalPort()),
                    () -> connect(RaTls.builder().verifyPeers(policy, EvidenceVerifier.simulatedOnly()).build(),
                            b.getLocalPort()));
        }
        double plainMs = handshakes.meanA() / 1e6;
        double raTlsMs = handshakes.meanB() / 1e6;

        byte[] nonce = new byte[32];
        Evidence evidence = enclave.evidence(OPERATOR, nonce);
        ReportData expected = ReportData.bind(key.rawPublicKey(), OPERATOR, nonce);
        EvidenceVerifier verifier = EvidenceVerifier.simulatedOnly();
        Alternation.Timing issueAndVerify = Alternation.time(warmup, n, 1,
                () -> RaTlsCertificate.issue(enclave, OPERATOR, Instant.now(), Duration.ofDays(1)),
                () -> verifier.verify(evidence, expected, policy, Instant.now()));

        report.put("plain_tls13_handshake_ms", round(plainMs));
        report.put("ratls_handshake_ms", round(raTlsMs));
        report.put("ratls_vs_plain_handshake_ratio", round(raTlsMs / plainMs));
        report.put("ratls_certificate_issue_us", round(issueAndVerify.meanA() / 1e3));
        report.put("ratls_certificate_issue_vs_plain_handshake_ratio", round(issueAndVerify.meanA() / 1e6 / plainMs));
        report.put("simulated_evidence_verify_us", round(issueAndVerify.meanB() / 1e3));
        if (report.get("tdx_quote_verify_warm_us") instanceof Double warmUs) {
            report.put("tdx_quote_verify_warm_vs_plain_handshake_ratio", round(warmUs / 1000 / plainMs));
        }
        report.put("note", "loopback, one client context per handshake (no resumption), same certificate both ways "
                + "(reference client pins the key only); evidence is simulated: TDX adds the DCAP quote verification time");
        output.print(report);
        return 0;
    }

    /**
     * Times the DCAP verification of {@code --tdx-quote}, cold and warm. The verifier keeps a
     * process-wide memo of signatures that verified (certificates, CRLs, signed collateral: the same
     * for every quote of a platform), so a fresh verifier object is not cold; only the first
     * verification in this process is. To leave the JIT out of that figure, the ECDSA and PEM code
     * is first exercised on this quote's own signature and chain, which the memo never sees.
     */
    private void timeTdx(Map<String, Object> report, int n) throws Exception {
        if (!Files.isRegularFile(tdxQuote)) {
            throw new IllegalArgumentException("--tdx-quote " + tdxQuote + ": no such file");
        }
        byte[] quote = Files.readAllBytes(tdxQuote);
        Instant when = at != null ? at : Instant.now();
        Quote parsed = Quote.parse(quote);
        PublicKey attestationKey = P256.publicKey(parsed.signatureData().attestationKey());
        byte[] signed = parsed.signedRegion();
        byte[] signature = parsed.signatureData().quoteSignature();
        Alternation.Op ecdsa = () -> P256.verify(attestationKey, signed, signature);
        Alternation.Op parseChain = () -> PemCertificates.parse(parsed.signatureData().pckCertChainPem());
        Alternation.time(Math.max(50, n), 1, 1, ecdsa, parseChain);

        QuoteVerifier verifier = QuoteVerifier.intel();
        CollateralSource source = collateral == null ? null : new CollateralDirectory(collateral);
        // Without collateral only the signatures-only check is meaningful (a full check would fail on the missing collateral).
        Alternation.Op verify = source == null
                ? () -> verifier.verifySignaturesOnly(quote, when, QuotePolicy.defaults())
                : () -> verifier.verify(quote, source, when, QuotePolicy.defaults());
        long t0 = System.nanoTime();
        Verdict first = (Verdict) verify.run();
        double coldNanos = System.nanoTime() - t0;
        if (!first.signatureValid()) {
            throw new IllegalArgumentException(tdxQuote + ": " + first.summary());
        }
        // Warm: same quote and collateral again, every signature result remembered; one ECDSA
        // verification alternates with it as the same-run reference.
        Alternation.Timing warm = Alternation.time(Math.max(5, n / 5), n, 1, verify, ecdsa);
        report.put("tdx_quote_checks", collateral == null ? "chain and signatures (no collateral)"
                : "chain, signatures, collateral, TCB status, default policy");
        report.put("tdx_quote_verdict", first.summary());
        report.put("tdx_quote_verify_cold_us", round(coldNanos / 1e3));
        report.put("tdx_quote_verify_warm_us", round(warm.meanA() / 1e3));
        report.put("ecdsa_p256_verify_us", round(warm.meanB() / 1e3));
        report.put("tdx_quote_verify_cold_vs_warm_ratio", round(coldNanos / warm.meanA()));
        report.put("tdx_quote_verify_cold_vs_ecdsa_ratio", round(coldNanos / warm.meanB()));
        report.put("tdx_quote_verify_warm_vs_ecdsa_ratio", round(warm.meanA() / warm.meanB()));
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

    private static Object connect(SSLContext ctx, int port) throws Exception {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setEnabledProtocols(new String[] {RaTls.PROTOCOL});
            s.startHandshake();
            s.getOutputStream().write(1);
            s.getOutputStream().flush();
            if (s.getInputStream().read() != 1) {
                throw new IllegalStateException("echo failed");
            }
            return s.getSession().getProtocol();
        }
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
