package io.cocoon4j.enclave;

/**
 * Evidence that passed an {@link EvidenceVerifier}: which TEE, which measurement.
 *
 * @param teeType the TEE that produced it
 * @param measurement the verified measurement (allow-listed by the policy)
 */
public record VerifiedEvidence(TeeType teeType, Measurement measurement) {
}
