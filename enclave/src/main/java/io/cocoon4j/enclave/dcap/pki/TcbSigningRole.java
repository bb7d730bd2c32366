package io.cocoon4j.enclave.dcap.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Who may sign TCB info and QE identity: Intel's TCB Signing certificate, pinned by subject and
 * role. Chaining to the root is not enough: the root also issues the PCK CAs, and every PCK key
 * (one per platform) chains to it, so without this pin anyone holding a PCK key could sign
 * "UpToDate" for any platform.
 */
public final class TcbSigningRole {
    /** The subject of Intel's TCB Signing certificate, exactly (RFC 2253 order: the last RDN, CN, is encoded first). */
    public static final X500Principal SUBJECT =
        new X500Principal("C=US, ST=CA, L=Santa Clara, O=Intel Corporation, CN=Intel SGX TCB Signing");

    private static final int DIGITAL_SIGNATURE = 0;

    private TcbSigningRole() {}

    /**
     * Empty when the first certificate of {@code signingChain} holds the TCB signing role under
     * {@code root}; otherwise the reason. The chain itself (signatures, validity) is checked by
     * {@link TrustChain#check}; this checks who the signer is.
     */
    public static Optional<String> check(List<X509Certificate> signingChain, X509Certificate root) {
        if (signingChain.isEmpty()) {
            return Optional.of("no signer certificate");
        }
        X509Certificate signer = signingChain.get(0);
        String who = signer.getSubjectX500Principal().getName();
        if (!signer.getSubjectX500Principal().equals(SUBJECT)) {
            return Optional.of("the signer " + who + " is not the TCB Signing certificate (" + SUBJECT.getName() + ")");
        }
        if (!signer.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            return Optional.of("the signer is issued by " + signer.getIssuerX500Principal().getName()
                + ", not directly by the trusted root");
        }
        for (X509Certificate below : signingChain.subList(1, signingChain.size())) {
            if (!below.equals(root)) {
                return Optional.of("the signing chain has a certificate between the signer and the root ("
                    + below.getSubjectX500Principal().getName() + ")");
            }
        }
        if (signer.getBasicConstraints() >= 0) {
            return Optional.of("the signer is a CA certificate, not a signing leaf");
        }
        if (signer.getExtensionValue(PckExtension.SGX_EXTENSION_OID) != null) {
            return Optional.of("the signer carries an SGX PCK extension: it is a platform key, not the TCB signer");
        }
        boolean[] ku = signer.getKeyUsage();
        if (ku != null && (ku.length <= DIGITAL_SIGNATURE || !ku[DIGITAL_SIGNATURE])) {
            return Optional.of("the signer's key usage does not allow digital signatures");
        }
        return Optional.empty();
    }
}
