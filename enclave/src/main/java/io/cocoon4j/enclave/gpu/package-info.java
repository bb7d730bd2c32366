/**
 * NVIDIA GPU attestation results as NRAS issues them (EAT: JWTs signed ES384, keys from a JWKS):
 * {@link io.cocoon4j.enclave.gpu.GpuAttestationVerifier} checks signatures, freshness, the nonce
 * and a {@link io.cocoon4j.enclave.gpu.GpuAttestationPolicy} over the overall and per-GPU claims.
 */
package io.cocoon4j.enclave.gpu;
