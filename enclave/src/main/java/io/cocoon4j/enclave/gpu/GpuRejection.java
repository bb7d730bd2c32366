package io.cocoon4j.enclave.gpu;

/** Why a GPU attestation token was not accepted. */
public enum GpuRejection {
    /** Not a compact JWS, bad base64url, bad JSON, missing or mistyped claim, absurd size. */
    MALFORMED_TOKEN,
    /** The JWKS document is malformed or a key in it is not a valid P-384 point. */
    MALFORMED_JWKS,
    /** The token's {@code alg} is not ES384. */
    UNSUPPORTED_ALGORITHM,
    /** The token's {@code kid} names no key in the JWKS. */
    UNKNOWN_KEY,
    /** The ES384 signature does not verify. */
    BAD_SIGNATURE,
    /** The token's {@code exp} has passed. */
    EXPIRED,
    /** The token's {@code nbf} (or {@code iat}) is in the future. */
    NOT_YET_VALID,
    /** The {@code iss} claim is not the expected issuer. */
    WRONG_ISSUER,
    /** The {@code eat_nonce} is not the verifier's nonce. */
    NONCE_MISMATCH,
    /** {@code x-nvidia-overall-att-result} is not true. */
    OVERALL_RESULT_FAILED,
    /** A per-GPU token is missing, extra, or its digest in the overall token's submods does not match. */
    GPU_SET_MISMATCH,
    /** Fewer GPUs than the policy requires. */
    TOO_FEW_GPUS,
    /** A per-GPU claim the policy requires (report signature, nonce match, secure boot, ...) failed. */
    GPU_CLAIM_FAILED,
    /** A GPU's measurements did not match its reference values ({@code measres}, mismatch records). */
    MEASUREMENT_MISMATCH,
    /** A GPU's driver or VBIOS version is not allowed by the policy. */
    VERSION_NOT_ALLOWED
}
