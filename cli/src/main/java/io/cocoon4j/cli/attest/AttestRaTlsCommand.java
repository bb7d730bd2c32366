package io.cocoon4j.cli.attest;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.DcapTdxQuoteVerifier;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.dcap.QuotePolicy;
import io.cocoon4j.enclave.dcap.collateral.CollateralDirectory;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.enclave.ratls.RaTlsPeer;
import io.cocoon4j.enclave.ratls.RaTlsRejectedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cocoon attest ratls HOST:PORT}: connects to an RA-TLS endpoint (a runner), verifies its
 * certificate's evidence against a policy, and reports the attested peer. Exit 0 accepted, 3
 * rejected (the report names the failed check), 1 bad input or no connection.
 */
@Command(name = "ratls", mixinStandardHelpOptions = true,
        description = {
            "Connect to an RA-TLS endpoint (TLS 1.3) and verify the enclave evidence in its certificate.",
            "Checked: the self-signed Ed25519 key is bound by REPORTDATA; a TDX quote verifies via DCAP (needs"
                + " --collateral) or simulated evidence is accepted (needs --allow-simulated); the measurement is on"
                + " the allow-list.",
            "Exit status: 0 accepted, 3 rejected, 1 bad input or connection failure."})
public final class AttestRaTlsCommand implements Callable<Integer> {

    static final int REJECTED = 3;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The endpoint, e.g. 127.0.0.1:8443.")
    String endpoint;

    @Option(names = "--policy", paramLabel = "FILE", description = "AttestationPolicy JSON (allowed_measurements, "
            + "allow_simulated, trusted_simulated_signers, max_certificate_validity_seconds, required_identity_key, required_operator).")
    Path policyFile;

    @Option(names = "--measurement", paramLabel = "HEX", description = "Allow this 32-byte measurement (repeatable; adds to --policy).")
    List<String> measurements = List.of();

    @Option(names = "--allow-simulated", description = "Accept simulated enclaves (development networks only).")
    boolean allowSimulated;

    @Option(names = "--collateral", paramLabel = "DIR", description = "Intel collateral directory for TDX quotes "
            + "(as for `cocoon attest verify`); without it TDX peers are rejected as unverifiable.")
    Path collateral;

    @Option(names = "--quote-policy", paramLabel = "FILE", description = "DCAP quote policy JSON (TCB statuses, debug, register pins).")
    Path quotePolicyFile;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "Verification time (default: now).")
    String at;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Connect and handshake timeout (default 10).")
    int timeoutSeconds;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address = parseEndpoint(endpoint);
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("--timeout must be 1..600 seconds");
        }
        AttestationPolicy.Builder policy = policyFile == null ? AttestationPolicy.builder()
                : AttestationPolicy.fromJson(read(policyFile, "policy")).toBuilder();
        for (String m : measurements) {
            try {
                policy.allowMeasurement(Measurement.ofHex(m));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--measurement must be 64 hex digits, not " + m);
            }
        }
        if (allowSimulated) {
            policy.allowSimulated(true);
        }
        EvidenceVerifier verifier = EvidenceVerifier.simulatedOnly();
        if (collateral != null) {
            QuotePolicy qp = quotePolicyFile == null ? QuotePolicy.defaults()
                    : QuotePolicy.fromJson(read(quotePolicyFile, "quote policy").getBytes(StandardCharsets.UTF_8));
            verifier = EvidenceVerifier.withTdx(DcapTdxQuoteVerifier.intel(new CollateralDirectory(collateral), qp));
        }
        Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(parseInstant(at), ZoneOffset.UTC);
        SSLContext ctx = RaTls.builder().clock(clock).verifyPeers(policy.build(), verifier).build();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("endpoint", endpoint);
        int exit;
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            socket.connect(address, timeoutSeconds * 1000);
            socket.setSoTimeout(timeoutSeconds * 1000);
            socket.setEnabledProtocols(new String[] {RaTls.PROTOCOL});
            try {
                socket.startHandshake();
                RaTlsPeer peer = RaTlsPeer.of(socket.getSession()).orElseThrow(() ->
                        new IllegalStateException("handshake completed without an RA-TLS verification"));
                report.put("accepted", true);
                report.put("protocol", socket.getSession().getProtocol());
                report.put("tee", peer.teeType().name());
                report.put("measurement", peer.measurement().hex());
                report.put("identity_key", HexFormat.of().formatHex(peer.identityKey()));
                report.put("operator", peer.operator().toString());
                report.put("certificate_not_after", peer.notAfter().toString());
                exit = 0;
            } catch (SSLHandshakeException e) {
                RaTlsRejectedException rejection = rejection(e);
                if (rejection == null) {
                    throw new IllegalArgumentException("TLS handshake with " + endpoint + " failed: " + e.getMessage());
                }
                report.put("accepted", false);
                report.put("reason", rejection.reason().name());
                report.put("detail", rejection.getMessage());
                exit = REJECTED;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot connect to " + endpoint + ": " + e.getMessage());
        }
        output.print(report);
        return exit;
    }

    private static RaTlsRejectedException rejection(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RaTlsRejectedException r) {
                return r;
            }
        }
        return null;
    }

    private static InetSocketAddress parseEndpoint(String text) {
        int colon = text.lastIndexOf(':');
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(text.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("endpoint must be HOST:PORT, not " + text);
        }
    }

    private static String read(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " file not found: " + file);
        }
        if (Files.size(file) > 1024 * 1024) {
            throw new IllegalArgumentException(what + " file " + file + " is too large");
        }
        return Files.readString(file);
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at must be an ISO-8601 instant such as 2025-01-15T00:00:00Z, not " + s);
        }
    }
}
