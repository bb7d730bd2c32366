package io.cocoon4j.enclave;

import java.time.Instant;

/**
 * The seam to a DCAP quote verifier: checks a TDX quote completely (PCK chain to the Intel root,
 * QE report, attestation key binding, TD report signature, collateral validity and TCB status at
 * the given time) and returns the TD report fields. Implemented over {@code io.cocoon4j.enclave.dcap}.
 */
@FunctionalInterface
public interface TdxQuoteVerifier {

    /**
     * Verifies a quote.
     *
     * @param quote raw quote bytes (untrusted)
     * @param at the time at which certificates and collateral must be valid
     * @return the verified TD report fields
     * @throws AttestationException with {@link RejectionReason#QUOTE_INVALID} (or
     *     {@link RejectionReason#MALFORMED_EVIDENCE}) naming the failed check
     */
    VerifiedTdReport verify(byte[] quote, Instant at) throws AttestationException;
}
