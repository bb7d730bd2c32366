package io.cocoon4j.enclave;

import java.time.Instant;
import java.util.HexFormat;

/** The one {@link EvidenceVerifier}: per-TEE authenticity, then the binding, then the allow-list. */
final class PolicyEvidenceVerifier implements EvidenceVerifier {

    private final TdxQuoteVerifier tdx;

    PolicyEvidenceVerifier(TdxQuoteVerifier tdx) {
        this.tdx = tdx;
    }

    @Override
    public VerifiedEvidence verify(Evidence evidence, ReportData expected, AttestationPolicy policy, Instant at)
            throws AttestationException {
        Measurement measurement;
        ReportData reportData;
        if (evidence instanceof SimulatedEvidence sim) {
            if (!policy.allowSimulated()) {
                throw new AttestationException(RejectionReason.SIMULATED_NOT_ALLOWED,
                        "the policy does not accept simulated enclaves");
            }
            if (!policy.trustsSimulatedSigner(sim.signerKey())) {
                throw new AttestationException(RejectionReason.UNTRUSTED_SIMULATED_SIGNER,
                        "signer " + HexFormat.of().formatHex(sim.signerKey()) + " is not trusted");
            }
            if (!sim.signatureValid()) {
                throw new AttestationException(RejectionReason.BAD_SIGNATURE, "simulated evidence signature does not verify");
            }
            measurement = sim.measurement();
            reportData = sim.reportData();
        } else if (evidence instanceof TdxEvidence quote) {
            if (tdx == null) {
                throw new AttestationException(RejectionReason.TDX_VERIFIER_UNAVAILABLE,
                        "this verifier has no DCAP quote verifier configured");
            }
            VerifiedTdReport report;
            try {
                report = tdx.verify(quote.quote(), at);
            } catch (RuntimeException e) {
                // A bug in a quote parser must still end as a rejection, never escape to the TLS stack.
                throw new AttestationException(RejectionReason.QUOTE_INVALID, "quote verifier failed: " + e);
            }
            measurement = report.measurement();
            reportData = report.reportData();
        } else {
            throw new AttestationException(RejectionReason.UNKNOWN_TEE_TYPE, String.valueOf(evidence));
        }
        if (!reportData.matches(expected)) {
            throw new AttestationException(RejectionReason.REPORT_DATA_MISMATCH,
                    "REPORTDATA does not bind the presented key, operator and nonce");
        }
        if (!policy.allows(measurement)) {
            throw new AttestationException(RejectionReason.MEASUREMENT_NOT_ALLOWED, "measurement " + measurement);
        }
        return new VerifiedEvidence(evidence.teeType(), measurement);
    }
}
