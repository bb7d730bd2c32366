package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.Enclave;
import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.enclave.Evidence;
import io.cocoon4j.enclave.OperatorAddress;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues RA-TLS certificates: X.509 v3, self-signed with Ed25519 by the enclave's identity key, the
 * evidence in the critical {@link RaTlsExtension}. The evidence's nonce is
 * {@link #freshnessNonce(Instant, Instant)} of the validity period, so evidence cannot be lifted
 * into a certificate that lives longer than the one it was made for.
 */
public final class RaTlsCertificate {

    /** Default validity (as COCOON: one day). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);
    /** How far before "now" a certificate starts, to absorb clock skew between peers. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final byte[] NONCE_DOMAIN = "cocoon4j-ratls-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RaTlsCertificate() {
    }

    /**
     * Issues a certificate for the enclave's identity key, valid from {@code now - BACKDATE} for
     * {@code validity} in total, carrying fresh evidence bound to the operator.
     *
     * @throws EnclaveException if the enclave cannot produce evidence
     */
    public static X509Certificate issue(Enclave enclave, OperatorAddress operator, Instant now, Duration validity)
            throws EnclaveException {
        Instant notBefore = now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(validity);
        Evidence evidence = enclave.evidence(operator, freshnessNonce(notBefore, notAfter));
        return build(enclave.identityKey(), operator, evidence, notBefore, notAfter);
    }

    /**
     * Builds a certificate from parts. {@link #issue} is what an enclave uses; this exists for
     * tools and tests that must assemble one (e.g. with evidence made elsewhere).
     *
     * @param notBefore start of validity (second precision; sub-seconds are dropped)
     * @param notAfter end of validity (second precision)
     */
    public static X509Certificate build(EnclaveKey key, OperatorAddress operator, Evidence evidence,
            Instant notBefore, Instant notAfter) {
        X500Name name = new X500Name("CN=cocoon4j RA-TLS " + HexFormat.of().formatHex(key.rawPublicKey(), 0, 8));
        byte[] serial = new byte[16];
        RANDOM.nextBytes(serial);
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                    Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)), Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)),
                    name, key.publicKey());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(RaTlsExtension.ASN1_OID, true, RaTlsExtension.encode(operator, evidence));
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("Ed25519").build(key.privateKey()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("building an Ed25519 certificate failed", e);
        }
    }

    /**
     * The nonce bound into an RA-TLS certificate's evidence: {@code SHA-256("cocoon4j-ratls-v1" ‖
     * notBefore ‖ notAfter)}, both as 8-byte big-endian seconds since the epoch.
     */
    public static byte[] freshnessNonce(Instant notBefore, Instant notAfter) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(NONCE_DOMAIN);
            sha.update(ByteBuffer.allocate(16).putLong(notBefore.getEpochSecond()).putLong(notAfter.getEpochSecond()).array());
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
