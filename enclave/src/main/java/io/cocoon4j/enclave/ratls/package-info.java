/**
 * RA-TLS: TLS 1.3 where a peer is trusted for its attested enclave instead of a CA. A peer
 * presents a self-signed Ed25519 certificate (its enclave identity key) carrying evidence in the
 * critical {@link io.cocoon4j.enclave.ratls.RaTlsExtension}; the
 * {@link io.cocoon4j.enclave.ratls.RaTlsTrustManager} verifies it against a policy. Start from
 * {@link io.cocoon4j.enclave.ratls.RaTls#builder()}; read the verified peer with
 * {@link io.cocoon4j.enclave.ratls.RaTlsPeer#of(javax.net.ssl.SSLSession)}.
 */
package io.cocoon4j.enclave.ratls;
