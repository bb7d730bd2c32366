package io.cocoon4j.enclave;

import static io.cocoon4j.enclave.EvidenceVerifierTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cocoon4j.enclave.dcap.QuotePolicy;
import io.cocoon4j.enclave.dcap.QuoteVerifier;
import io.cocoon4j.enclave.dcap.quote.Quote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real quote from a real TDX guest (shared test data, Container-Optimized OS, REPORTDATA = the
 * 64 bytes of nonce.dat) through the evidence verifier and the DCAP verifier with Intel's real root.
 * Signatures only: the sample's collateral does not cover this quote's date.
 */
class RealTdxQuoteEvidenceTest {

    private static final Instant AT = Instant.parse("2024-08-01T00:00:00Z");

    private byte[] quote;
    private byte[] nonce;
    private EvidenceVerifier verifier;

    @BeforeEach
    void load() throws Exception {
        String root = System.getProperty("cocoon.testdata");
        if (root == null || root.isBlank()) {
            root = System.getenv("COCOON_TESTDATA");
        }
        Path dir = root == null ? null : Path.of(root, "tdx");
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("cos-113-tdx-quote.dat")),
                "SKIPPED: real TDX test data not found (set -Dcocoon.testdata or COCOON_TESTDATA to the folder holding tdx/)");
        quote = Files.readAllBytes(dir.resolve("cos-113-tdx-quote.dat"));
        nonce = Files.readAllBytes(dir.resolve("nonce.dat"));
        verifier = EvidenceVerifier.withTdx(DcapTdxQuoteVerifier.signaturesOnly(QuoteVerifier.intel(), QuotePolicy.defaults()));
    }

    private Measurement imageHash() throws Exception {
        return new Measurement(Quote.parse(quote).report().imageHash());
    }

    @Test
    void realQuoteIsAcceptedForItsOwnReportDataAndImage() throws Exception {
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(imageHash()).build();
        Evidence evidence = EvidenceCodec.decode(EvidenceCodec.encode(new TdxEvidence(quote)));

        VerifiedEvidence v = verifier.verify(evidence, new ReportData(nonce), policy, AT);

        assertThat(v.teeType()).isEqualTo(TeeType.TDX);
        assertThat(v.measurement()).isEqualTo(imageHash());
    }

    @Test
    void realQuoteDoesNotBindAnotherKey() throws Exception {
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(imageHash()).build();
        ReportData ours = ReportData.bind(EnclaveKey.generate().rawPublicKey(),
                new OperatorAddress(0, new byte[32]), new byte[0]);
        assertReason(() -> verifier.verify(new TdxEvidence(quote), ours, policy, AT), RejectionReason.REPORT_DATA_MISMATCH);
        assertReason(() -> verifier.verify(new TdxEvidence(quote), new ReportData(nonce),
                AttestationPolicy.builder().build(), AT), RejectionReason.MEASUREMENT_NOT_ALLOWED);
    }

    @Test
    void corruptedRealQuoteIsAQuoteRejection() throws Exception {
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(imageHash()).build();
        byte[] corrupt = quote.clone();
        corrupt[200] ^= 0x01; // inside the signed TD report
        assertReason(() -> verifier.verify(new TdxEvidence(corrupt), new ReportData(nonce), policy, AT),
                RejectionReason.QUOTE_INVALID);
        byte[] truncated = java.util.Arrays.copyOf(quote, 300);
        assertReason(() -> verifier.verify(new TdxEvidence(truncated), new ReportData(nonce), policy, AT),
                RejectionReason.QUOTE_INVALID);
    }
}
