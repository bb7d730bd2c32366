package io.cocoon4j.cli.attest;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.enclave.dcap.Check;
import io.cocoon4j.enclave.dcap.QuotePolicy;
import io.cocoon4j.enclave.dcap.QuoteVerifier;
import io.cocoon4j.enclave.dcap.Verdict;
import io.cocoon4j.enclave.dcap.VerificationScope;
import io.cocoon4j.enclave.dcap.collateral.CollateralDirectory;
import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.collateral.PcsClient;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import io.cocoon4j.enclave.dcap.quote.Quote;
import io.cocoon4j.enclave.dcap.quote.TdReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cocoon attest verify QUOTE}: verifies an Intel TDX quote (v4/v5) against the pinned
 * Intel SGX Root CA with collateral (a directory or a PCS/PCCS service) and a policy. Without
 * collateral nothing is accepted; {@code --signatures-only} asks for the lesser check by name.
 * Exit 0 accepted, 3 rejected (the report says which check failed), 4 signatures-only check
 * passed (not an acceptance), 1 bad input.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Verify an Intel TDX quote (v4/v5) against the pinned Intel SGX Root CA: PCK chain, QE report and quote signatures, "
            + "then with collateral (--collateral or --pccs) the CRLs, the TCB info and QE identity signed by Intel's TCB "
            + "Signing certificate, and the TCB status; then the policy (--policy).",
        "Without collateral the quote is NOT accepted (exit 3). --signatures-only asks for signatures, chain and policy "
            + "only: its result is reported as verification \"signatures-only\", never as accepted.",
        "Exit status: 0 accepted, 3 rejected, 4 signatures-only check passed (not accepted), 1 bad input."})
public final class AttestVerifyCommand implements Callable<Integer> {
    static final int REJECTED = 3;
    /** A signatures-only check passed: distinct from 0 so that no script mistakes it for an acceptance. */
    static final int SIGNATURES_ONLY_PASSED = 4;

    @Parameters(index = "0", paramLabel = "QUOTE", description = "Quote file (binary; trailing padding is fine).")
    Path quoteFile;

    @Option(names = "--collateral", paramLabel = "DIR",
        description = "Collateral directory: tcb_info.json, qe_identity.json, pck_crl.der, root_crl.der "
            + "[, tcb_signing_chain.pem] (names are matched loosely; see the README).")
    Path collateralDir;

    @Option(names = "--pccs", paramLabel = "URL",
        description = "Fetch collateral from this Intel PCS/PCCS-compatible service (API v4) instead, cached on disk.")
    URI pccs;

    @Option(names = "--signatures-only",
        description = "Check signatures, chain and policy only, without collateral: revocation, TCB status and QE identity "
            + "are NOT checked, and the quote is never reported as accepted (exit 4 when every check that ran passed).")
    boolean signaturesOnly;

    @Option(names = "--cache", paramLabel = "DIR", description = "Collateral cache for --pccs (default: ~/.cache/cocoon4j/collateral).")
    Path cache;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "Verification time, e.g. 2023-06-20T00:00:00Z (default: now).")
    String at;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON (accepted TCB statuses, measurement allow-lists, report data; see the README).")
    Path policyFile;

    @Option(names = "--trusted-root", paramLabel = "PEM",
        description = "Trust this root instead of the pinned Intel SGX Root CA (for test PKIs only).")
    Path trustedRoot;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
        description = "Verify N times in this process and report per-verification time (warm, collateral cached).")
    int repeat;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || repeat > 1_000_000) {
            throw new IllegalArgumentException("--repeat must be between 1 and 1000000");
        }
        if (collateralDir != null && pccs != null) {
            throw new IllegalArgumentException("give --collateral or --pccs, not both");
        }
        if (signaturesOnly && (collateralDir != null || pccs != null)) {
            throw new IllegalArgumentException("--signatures-only uses no collateral: drop --collateral/--pccs, or drop --signatures-only");
        }
        byte[] quote = readQuote(quoteFile);
        Instant when = parseInstant(at);
        QuotePolicy policy = policyFile == null ? QuotePolicy.defaults() : QuotePolicy.fromJson(read(policyFile, "policy"));
        QuoteVerifier verifier = trustedRoot == null ? QuoteVerifier.intel() : new QuoteVerifier(root(trustedRoot));
        CollateralSource source = collateralSource();

        Verdict verdict = verify(verifier, quote, source, when, policy);
        long[] micros = new long[repeat - 1];
        long[] reference = new long[repeat - 1];
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            verify(verifier, quote, source, when, policy);
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (verdict.quote().isPresent()) {
                reference[i] = oneEcdsaVerify(verdict.quote().get());
            }
        }
        print(verdict, when, micros, reference);
        if (verdict.accepted()) {
            return 0;
        }
        return verdict.scope() == VerificationScope.SIGNATURES_ONLY && verdict.noCheckFailed() ? SIGNATURES_ONLY_PASSED : REJECTED;
    }

    private Verdict verify(QuoteVerifier verifier, byte[] quote, CollateralSource source, Instant when, QuotePolicy policy) {
        return signaturesOnly ? verifier.verifySignaturesOnly(quote, when, policy) : verifier.verify(quote, source, when, policy);
    }

    private CollateralSource collateralSource() {
        if (collateralDir != null) {
            return new CollateralDirectory(collateralDir);
        }
        if (pccs != null) {
            Path dir = cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "cocoon4j", "collateral");
            return new PcsClient(pccs, dir, Duration.ofSeconds(10));
        }
        return null;
    }

    /** The reference for timings on a loaded machine: one ECDSA P-256 verification (the quote signature), µs. */
    private static long oneEcdsaVerify(Quote q) {
        long t0 = System.nanoTime();
        try {
            io.cocoon4j.enclave.dcap.pki.P256.verify(
                io.cocoon4j.enclave.dcap.pki.P256.publicKey(q.signatureData().attestationKey()),
                q.signedRegion(), q.signatureData().quoteSignature());
        } catch (java.security.GeneralSecurityException e) {
            return 0;
        }
        return (System.nanoTime() - t0) / 1000;
    }

    private void print(Verdict v, Instant when, long[] micros, long[] reference) {
        HexFormat hex = HexFormat.of();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("verification", v.scope().id());
        f.put("accepted", v.accepted());
        f.put("reason", v.rejection().orElse(null));
        f.put("summary", v.summary());
        f.put("signature_valid", v.signatureValid());
        f.put("tcb_evaluated", v.tcbEvaluated());
        f.put("tcb_status", v.tcbStatus().map(Enum::name).orElse(null));
        f.put("advisory_ids", v.advisoryIds());
        f.put("tcb_evaluation_data_number", v.tcb().map(t -> (Object) t.tcbEvaluationDataNumber()).orElse(null));
        f.put("at", when.toString());
        if (v.quote().isPresent()) {
            Quote q = v.quote().get();
            TdReport r = q.report();
            f.put("quote_version", q.header().version());
            f.put("td_report", q.bodyType() == Quote.BODY_TDX15 ? "1.5" : "1.0");
            f.put("mrtd", hex.formatHex(r.mrTd()));
            for (int i = 0; i < 4; i++) {
                f.put("rtmr" + i, hex.formatHex(r.rtmr(i)));
            }
            f.put("mrconfigid", hex.formatHex(r.mrConfigId()));
            f.put("mrowner", hex.formatHex(r.mrOwner()));
            f.put("mrownerconfig", hex.formatHex(r.mrOwnerConfig()));
            f.put("report_data", hex.formatHex(r.reportData()));
            f.put("image_hash", hex.formatHex(r.imageHash()));
            f.put("debug", r.debug());
            f.put("td_attributes", io.cocoon4j.enclave.dcap.quote.TdAttribute.setIn(r.tdAttributes()).stream().map(Enum::name).toList());
            f.put("mrservicetd", r.mrServiceTd() == null ? null : hex.formatHex(r.mrServiceTd()));
        }
        if (micros.length > 0) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("verifications", sorted.length);
            t.put("median_us", sorted[sorted.length / 2]);
            t.put("p90_us", sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))]);
            t.put("min_us", sorted[0]);
            double mean = Arrays.stream(micros).average().orElse(0);
            double refMean = Arrays.stream(reference).average().orElse(0);
            t.put("mean_us", Math.round(mean));
            // Same-run reference, interleaved with the verifications, so machine load cancels out of the ratio.
            t.put("reference_ecdsa_p256_verify_mean_us", Math.round(refMean));
            t.put("ratio_to_one_ecdsa_verify", refMean == 0 ? null : Math.round(100.0 * mean / refMean) / 100.0);
            f.put("warm_timing", t);
        }
        List<Map<String, String>> checks = new ArrayList<>();
        for (Check c : v.checks()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", c.id().id());
            m.put("outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT));
            m.put("reason", c.reason());
            checks.add(m);
        }
        if (output.json()) {
            f.put("checks", checks);
            output.print(f);
        } else {
            output.print(f);
            PrintWriter out = output.out();
            out.println("checks:");
            for (Check c : v.checks()) {
                out.printf("  %-7s %-33s %s%n", c.outcome(), c.id().id(), c.reason());
            }
            out.flush();
        }
    }

    private static byte[] readQuote(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > Quote.MAX_SIZE) {
            throw new IllegalArgumentException(file + " is " + Files.size(file) + " bytes: not a quote");
        }
        return read(file, "quote");
    }

    private static byte[] read(Path file, String what) throws IOException {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > Quote.MAX_SIZE) {
                throw new IllegalArgumentException(what + " file " + file + " is too large");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " file not found: " + file);
        }
    }

    private static Instant parseInstant(String s) {
        if (s == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at must be an ISO-8601 instant such as 2023-06-20T00:00:00Z, not " + s);
        }
    }

    private static java.security.cert.X509Certificate root(Path pem) throws IOException {
        try {
            return PemCertificates.parse(read(pem, "trusted root")).get(0);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("--trusted-root: " + e.getMessage());
        }
    }
}
