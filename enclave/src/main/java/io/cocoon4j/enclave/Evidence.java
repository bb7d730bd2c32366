package io.cocoon4j.enclave;

/**
 * What an enclave presents to prove what it runs and which key it holds. Its REPORTDATA is a
 * {@link ReportData} binding; an {@link EvidenceVerifier} checks it against a policy. Serialised by
 * {@link EvidenceCodec}.
 */
public sealed interface Evidence permits TdxEvidence, SimulatedEvidence {

    /** The TEE that produced it. */
    TeeType teeType();
}
