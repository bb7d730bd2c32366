/**
 * The enclave SPI: what a runner's trusted execution environment offers, and how its evidence is
 * checked.
 *
 * <ul>
 *   <li>{@link io.cocoon4j.enclave.Enclave}: an Ed25519 identity key, evidence binding it
 *       ({@link io.cocoon4j.enclave.ReportData}: SHA-512 of key ‖ operator address ‖ nonce),
 *       sealing. Implementations: {@link io.cocoon4j.enclave.TdxEnclave} (configfs-tsm) and
 *       {@link io.cocoon4j.enclave.SimulatedEnclave} (development only).</li>
 *   <li>{@link io.cocoon4j.enclave.Evidence} ({@link io.cocoon4j.enclave.TdxEvidence},
 *       {@link io.cocoon4j.enclave.SimulatedEvidence}), encoded by
 *       {@link io.cocoon4j.enclave.EvidenceCodec}.</li>
 *   <li>{@link io.cocoon4j.enclave.EvidenceVerifier} checks evidence against an
 *       {@link io.cocoon4j.enclave.AttestationPolicy}; TDX quotes go through
 *       {@link io.cocoon4j.enclave.DcapTdxQuoteVerifier} (the pure-Java DCAP verifier in
 *       {@code io.cocoon4j.enclave.dcap}). Rejections are
 *       {@link io.cocoon4j.enclave.AttestationException}s naming a
 *       {@link io.cocoon4j.enclave.RejectionReason}.</li>
 * </ul>
 */
package io.cocoon4j.enclave;
