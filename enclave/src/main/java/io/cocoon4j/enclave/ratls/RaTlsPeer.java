package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.TeeType;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The attested peer of an RA-TLS connection, as verified by a {@link RaTlsTrustManager}.
 *
 * @param identityKey the peer's raw Ed25519 identity key (the certificate key)
 * @param operator the operator address bound into its evidence
 * @param teeType the TEE that produced the evidence
 * @param measurement the verified, allow-listed measurement
 * @param notAfter when the peer's certificate expires
 */
public record RaTlsPeer(byte[] identityKey, OperatorAddress operator, TeeType teeType, Measurement measurement,
        Instant notAfter) {

    /** The {@link SSLSession#getValue(String) session value} under which the trust manager stores the peer. */
    public static final String SESSION_KEY = "io.cocoon4j.enclave.ratls.peer";

    public RaTlsPeer {
        identityKey = identityKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    /**
     * The peer verified during this session's handshake; empty if the session was not verified by
     * a {@link RaTlsTrustManager} (e.g. the server side of a connection without client attestation).
     */
    public static Optional<RaTlsPeer> of(SSLSession session) {
        Object value = session == null ? null : session.getValue(SESSION_KEY);
        return value instanceof RaTlsPeer peer ? Optional.of(peer) : Optional.empty();
    }
}
