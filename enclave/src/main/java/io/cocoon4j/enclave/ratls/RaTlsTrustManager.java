package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.AttestationException;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.RejectionReason;
import io.cocoon4j.enclave.ReportData;
import io.cocoon4j.enclave.VerifiedEvidence;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a TLS peer because of its attested enclave, not because of a CA: the peer must present one
 * self-signed Ed25519 certificate, currently valid and for no longer than the policy allows, whose
 * {@link RaTlsExtension} carries evidence that binds the certificate key and operator and passes the
 * {@link EvidenceVerifier} under the {@link AttestationPolicy}. Works on both sides (clients verify
 * servers, servers verify clients in mutual RA-TLS). Host names are deliberately not checked: the
 * identity is the attested key (pin it with {@link AttestationPolicy.Builder#requireIdentityKey}).
 *
 * <p>After a successful handshake the peer is available through {@link RaTlsPeer#of(SSLSession)}.
 */
public final class RaTlsTrustManager extends X509ExtendedTrustManager {

    private final AttestationPolicy policy;
    private final EvidenceVerifier verifier;
    private final Clock clock;

    /**
     * @param policy what to accept
     * @param verifier checks the evidence ({@link EvidenceVerifier#withTdx} in production)
     * @param clock the time used for certificate validity and collateral checks
     */
    public RaTlsTrustManager(AttestationPolicy policy, EvidenceVerifier verifier, Clock clock) {
        this.policy = policy;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Verifies a peer certificate chain.
     *
     * @return the attested peer
     * @throws RaTlsRejectedException naming the first failed check
     */
    public RaTlsPeer verify(X509Certificate[] chain) throws RaTlsRejectedException {
        if (chain == null || chain.length != 1) {
            throw reject(RejectionReason.CERTIFICATE_INVALID, "expected exactly one self-signed certificate, got "
                    + (chain == null ? 0 : chain.length));
        }
        X509Certificate cert = chain[0];
        byte[] key = EnclaveKey.rawPublicKey(cert.getPublicKey());
        if (key == null) {
            throw reject(RejectionReason.CERTIFICATE_INVALID, "certificate key is " + cert.getPublicKey().getAlgorithm()
                    + ", RA-TLS requires Ed25519");
        }
        try {
            cert.verify(cert.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw reject(RejectionReason.CERTIFICATE_INVALID, "not validly self-signed: " + e.getMessage());
        }
        Instant now = clock.instant();
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            throw reject(RejectionReason.CERTIFICATE_NOT_YET_VALID, "valid from " + notBefore + ", now " + now);
        }
        if (now.isAfter(notAfter)) {
            throw reject(RejectionReason.CERTIFICATE_EXPIRED, "expired at " + notAfter + ", now " + now);
        }
        Duration validity = Duration.between(notBefore, notAfter);
        if (validity.compareTo(policy.maxCertificateValidity()) > 0) {
            throw reject(RejectionReason.VALIDITY_TOO_LONG, "valid for " + validity + ", policy allows "
                    + policy.maxCertificateValidity());
        }
        byte[] extension = extensionValue(cert);
        try {
            RaTlsExtension.Claims claims = RaTlsExtension.decode(extension);
            OperatorAddress operator = claims.operator();
            if (policy.requiredIdentityKey().isPresent() && !MessageDigest.isEqual(policy.requiredIdentityKey().get(), key)) {
                throw reject(RejectionReason.IDENTITY_KEY_MISMATCH, "peer key is not the required one");
            }
            if (policy.requiredOperator().isPresent() && !policy.requiredOperator().get().equals(operator)) {
                throw reject(RejectionReason.OPERATOR_MISMATCH, "peer operator " + operator + " is not "
                        + policy.requiredOperator().get());
            }
            ReportData expected = ReportData.bind(key, operator, RaTlsCertificate.freshnessNonce(notBefore, notAfter));
            VerifiedEvidence verified = verifier.verify(claims.evidence(), expected, policy, now);
            return new RaTlsPeer(key, operator, verified.teeType(), verified.measurement(), notAfter);
        } catch (AttestationException e) {
            throw new RaTlsRejectedException(e.reason(), e.getMessage());
        }
    }

    private static byte[] extensionValue(X509Certificate cert) throws RaTlsRejectedException {
        byte[] wrapped = cert.getExtensionValue(RaTlsExtension.OID);
        if (wrapped == null) {
            throw reject(RejectionReason.NO_EVIDENCE, "certificate has no RA-TLS evidence extension " + RaTlsExtension.OID);
        }
        try {
            // getExtensionValue returns the DER OCTET STRING around the value.
            return org.bouncycastle.asn1.ASN1OctetString.getInstance(wrapped).getOctets();
        } catch (RuntimeException e) {
            throw reject(RejectionReason.MALFORMED_EVIDENCE, "extension is not an OCTET STRING");
        }
    }

    private static RaTlsRejectedException reject(RejectionReason reason, String detail) {
        return new RaTlsRejectedException(reason, detail);
    }

    private static void remember(SSLSession handshake, RaTlsPeer peer) {
        if (handshake != null) {
            handshake.putValue(RaTlsPeer.SESSION_KEY, peer);
        }
    }

    private static SSLSession handshakeSession(Socket socket) {
        return socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws RaTlsRejectedException {
        remember(handshakeSession(socket), verify(chain));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws RaTlsRejectedException {
        remember(handshakeSession(socket), verify(chain));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws RaTlsRejectedException {
        remember(engine == null ? null : engine.getHandshakeSession(), verify(chain));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws RaTlsRejectedException {
        remember(engine == null ? null : engine.getHandshakeSession(), verify(chain));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws RaTlsRejectedException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws RaTlsRejectedException {
        verify(chain);
    }

    /** None: RA-TLS peers are self-signed, so a server asks for client certificates without naming CAs. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
