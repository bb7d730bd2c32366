package io.cocoon4j.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The TDX path of the evidence verifier, with the DCAP quote verifier replaced by a stand-in that
 * "verifies" the fake quotes of {@link FakeTsmKernel} (the real one is tested in the dcap package).
 */
class EvidenceVerifierTest {

    private static final OperatorAddress OPERATOR =
            OperatorAddress.parse("0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8");
    private static final byte[] REG = new byte[48];

    private static VerifiedTdReport reportOf(byte[] quote) {
        ReportData rd = new ReportData(Arrays.copyOfRange(quote, 16, 80));
        return new VerifiedTdReport(REG, REG, REG, REG, new byte[][] {REG, REG, REG, REG}, rd);
    }

    private final TdxQuoteVerifier acceptAll = (quote, at) -> reportOf(quote);
    private final Measurement tdxMeasurement = Measurement.ofTdx(REG, REG, REG, REG, new byte[][] {REG, REG, REG, REG});

    private Evidence tdxEvidence(EnclaveKey key, byte[] nonce) {
        return new TdxEvidence(FakeTsmKernel.fakeQuote(ReportData.bind(key.rawPublicKey(), OPERATOR, nonce).bytes()));
    }

    @Test
    void tdxEvidenceIsCheckedForBindingAndMeasurement() throws Exception {
        EnclaveKey key = EnclaveKey.generate();
        Evidence ev = tdxEvidence(key, new byte[] {1});
        ReportData expected = ReportData.bind(key.rawPublicKey(), OPERATOR, new byte[] {1});
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(tdxMeasurement).build();

        VerifiedEvidence v = EvidenceVerifier.withTdx(acceptAll).verify(ev, expected, policy, Instant.now());
        assertThat(v.teeType()).isEqualTo(TeeType.TDX);
        assertThat(v.measurement()).isEqualTo(tdxMeasurement);

        assertReason(() -> EvidenceVerifier.withTdx(acceptAll).verify(ev,
                ReportData.bind(EnclaveKey.generate().rawPublicKey(), OPERATOR, new byte[] {1}), policy, Instant.now()),
                RejectionReason.REPORT_DATA_MISMATCH);
        assertReason(() -> EvidenceVerifier.withTdx(acceptAll).verify(ev, expected,
                AttestationPolicy.builder().build(), Instant.now()), RejectionReason.MEASUREMENT_NOT_ALLOWED);
    }

    @Test
    void quoteFailuresAndMissingVerifierAreTypedRejections() {
        EnclaveKey key = EnclaveKey.generate();
        Evidence ev = tdxEvidence(key, new byte[0]);
        ReportData expected = ReportData.bind(key.rawPublicKey(), OPERATOR, new byte[0]);
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(tdxMeasurement).build();

        assertReason(() -> EvidenceVerifier.simulatedOnly().verify(ev, expected, policy, Instant.now()),
                RejectionReason.TDX_VERIFIER_UNAVAILABLE);
        TdxQuoteVerifier failing = (q, at) -> {
            throw new AttestationException(RejectionReason.QUOTE_INVALID, "TCB revoked");
        };
        assertReason(() -> EvidenceVerifier.withTdx(failing).verify(ev, expected, policy, Instant.now()),
                RejectionReason.QUOTE_INVALID);
        TdxQuoteVerifier buggy = (q, at) -> {
            throw new ArrayIndexOutOfBoundsException(99);
        };
        assertReason(() -> EvidenceVerifier.withTdx(buggy).verify(ev, expected, policy, Instant.now()),
                RejectionReason.QUOTE_INVALID);
    }

    @Test
    void tdxImageHashIsSha256OverTheEightRegisters() throws Exception {
        byte[][] regs = new byte[8][48];
        for (int i = 0; i < 8; i++) {
            Arrays.fill(regs[i], (byte) i);
        }
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (byte[] r : regs) {
            sha.update(r);
        }
        assertThat(Measurement.ofTdx(regs[0], regs[1], regs[2], regs[3], new byte[][] {regs[4], regs[5], regs[6], regs[7]}))
                .isEqualTo(new Measurement(sha.digest()));
        assertThatThrownBy(() -> Measurement.ofTdx(new byte[47], REG, REG, REG, new byte[][] {REG, REG, REG, REG}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertReason(Call call, RejectionReason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AttestationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
