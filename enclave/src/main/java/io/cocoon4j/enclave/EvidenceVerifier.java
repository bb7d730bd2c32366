package io.cocoon4j.enclave;

import java.time.Instant;

/**
 * Checks {@link Evidence} against the REPORTDATA the caller expects and an {@link AttestationPolicy}.
 * Obtain one with {@link #simulatedOnly()} or {@link #withTdx(TdxQuoteVerifier)}.
 */
public interface EvidenceVerifier {

    /**
     * Verifies evidence.
     *
     * @param evidence untrusted evidence
     * @param expected the binding it must carry, from {@link ReportData#bind}
     * @param policy what to accept
     * @param at the time of verification (collateral and certificate validity)
     * @return the verified TEE type and measurement
     * @throws AttestationException naming the first check that failed
     */
    VerifiedEvidence verify(Evidence evidence, ReportData expected, AttestationPolicy policy, Instant at)
            throws AttestationException;

    /** A verifier that can check simulated evidence and rejects TDX quotes as unverifiable here. */
    static EvidenceVerifier simulatedOnly() {
        return new PolicyEvidenceVerifier(null);
    }

    /** A verifier that checks TDX quotes with the given DCAP verifier, and simulated evidence. */
    static EvidenceVerifier withTdx(TdxQuoteVerifier tdx) {
        if (tdx == null) {
            throw new IllegalArgumentException("a TDX quote verifier is required");
        }
        return new PolicyEvidenceVerifier(tdx);
    }
}
