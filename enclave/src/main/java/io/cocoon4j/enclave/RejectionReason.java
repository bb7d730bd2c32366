package io.cocoon4j.enclave;

/** Why evidence, or an RA-TLS peer, was not accepted. Each value names one check that failed. */
public enum RejectionReason {
    /** The bytes are not well-formed evidence (truncated, trailing data, bad magic, absurd length). */
    MALFORMED_EVIDENCE,
    /** The format version is not one this code understands. */
    UNSUPPORTED_VERSION,
    /** The TEE type code is unknown. */
    UNKNOWN_TEE_TYPE,
    /** Simulated evidence, and the policy does not allow simulated enclaves. */
    SIMULATED_NOT_ALLOWED,
    /** Simulated evidence signed by a key the policy does not list. */
    UNTRUSTED_SIMULATED_SIGNER,
    /** A signature over the evidence does not verify. */
    BAD_SIGNATURE,
    /** The TDX quote failed DCAP verification (chain, signatures, collateral, TCB, policy). */
    QUOTE_INVALID,
    /** No TDX quote verifier is configured in this process. */
    TDX_VERIFIER_UNAVAILABLE,
    /** REPORTDATA does not bind the presented key, operator and nonce: evidence for something else. */
    REPORT_DATA_MISMATCH,
    /** The measurement is not in the policy's allow-list. */
    MEASUREMENT_NOT_ALLOWED,
    /** An RA-TLS certificate without the evidence extension. */
    NO_EVIDENCE,
    /** The certificate is malformed, not self-signed, or its key is not Ed25519. */
    CERTIFICATE_INVALID,
    /** The certificate's validity period has ended. */
    CERTIFICATE_EXPIRED,
    /** The certificate's validity period has not started. */
    CERTIFICATE_NOT_YET_VALID,
    /** The certificate is valid for longer than the policy allows. */
    VALIDITY_TOO_LONG,
    /** The peer's identity key is not the one the policy requires. */
    IDENTITY_KEY_MISMATCH,
    /** The peer's operator address is not the one the policy requires. */
    OPERATOR_MISMATCH
}
