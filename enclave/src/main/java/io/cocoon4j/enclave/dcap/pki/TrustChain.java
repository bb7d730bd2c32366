package io.cocoon4j.enclave.dcap.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks a leaf-first certificate chain against one trusted root at a given instant. A
 * self-signed certificate at the end of the chain is dropped: trust comes from the root passed
 * in, never from one the chain carries.
 */
public final class TrustChain {
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private TrustChain() {}

    /** True when the certificate has no key usage extension or allows {@code bit}. */
    private static boolean keyUsage(X509Certificate cert, int bit) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || (ku.length > bit && ku[bit]);
    }

    /** Empty if the chain is sound at {@code at}; otherwise the reason it is not. */
    public static Optional<String> check(List<X509Certificate> chain, X509Certificate root, Instant at) {
        List<X509Certificate> certs = new ArrayList<>(chain);
        while (!certs.isEmpty() && selfSigned(certs.get(certs.size() - 1))) {
            X509Certificate last = certs.remove(certs.size() - 1);
            if (!last.equals(root)) {
                return Optional.of("the chain ends in a root that is not the trusted one (" + last.getSubjectX500Principal() + ")");
            }
        }
        if (certs.isEmpty()) {
            return Optional.of("the chain has no certificate below the root");
        }
        Date when = Date.from(at);
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate cert = certs.get(i);
            X509Certificate issuer = i + 1 < certs.size() ? certs.get(i + 1) : root;
            String who = cert.getSubjectX500Principal().getName();
            try {
                cert.checkValidity(when);
            } catch (CertificateExpiredException e) {
                return Optional.of(who + " expired on " + cert.getNotAfter().toInstant());
            } catch (CertificateNotYetValidException e) {
                return Optional.of(who + " is not valid before " + cert.getNotBefore().toInstant());
            }
            if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                return Optional.of(who + " is not issued by " + issuer.getSubjectX500Principal().getName());
            }
            if (i > 0 && (cert.getBasicConstraints() < 0 || !keyUsage(cert, KEY_CERT_SIGN))) {
                return Optional.of(who + " issues certificates but is not a CA allowed to sign them");
            }
            try {
                SignatureMemo.certificate(cert, issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                return Optional.of("the signature on " + who + " does not verify with the key of "
                    + issuer.getSubjectX500Principal().getName());
            }
        }
        try {
            root.checkValidity(when);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return Optional.of("the trusted root is not valid at " + at);
        }
        return Optional.empty();
    }

    /**
     * Empty if {@code crl} is issued and signed by {@code issuer}, current at {@code at}, and revokes
     * none of {@code subjects}; otherwise the reason.
     */
    public static Optional<String> checkCrl(X509CRL crl, X509Certificate issuer, Instant at, List<X509Certificate> subjects) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Optional.of("the CRL is issued by " + crl.getIssuerX500Principal().getName() + ", not by "
                + issuer.getSubjectX500Principal().getName());
        }
        if (!keyUsage(issuer, CRL_SIGN)) {
            return Optional.of(issuer.getSubjectX500Principal().getName() + " may not sign CRLs (key usage)");
        }
        try {
            SignatureMemo.crl(crl, issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("the CRL signature does not verify with the key of " + issuer.getSubjectX500Principal().getName());
        }
        if (crl.getThisUpdate().toInstant().isAfter(at)) {
            return Optional.of("the CRL is not valid before " + crl.getThisUpdate().toInstant());
        }
        if (crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(at)) {
            return Optional.of("the CRL expired: nextUpdate " + (crl.getNextUpdate() == null ? "absent" : crl.getNextUpdate().toInstant()));
        }
        for (X509Certificate s : subjects) {
            if (crl.isRevoked(s)) {
                return Optional.of(s.getSubjectX500Principal().getName() + " (serial " + s.getSerialNumber().toString(16) + ") is revoked");
            }
        }
        return Optional.empty();
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            SignatureMemo.certificate(c, c.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
