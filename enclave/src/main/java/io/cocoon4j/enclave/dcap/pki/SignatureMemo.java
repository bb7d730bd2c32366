package io.cocoon4j.enclave.dcap.pki;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers signatures that verified, keyed by SHA-256 over (key, signed object). Collateral,
 * CRLs and certificate chains are the same for every quote of a platform, so a warm verifier
 * checks them once; a verification is a pure function of its inputs, so a hit is exactly as
 * good as recomputing. Failures are never remembered. Bounded, least-recently-used.
 */
final class SignatureMemo {
    private static final int CAPACITY = 4096;
    private static final Map<String, Boolean> VERIFIED = Collections.synchronizedMap(
        new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > CAPACITY;
            }
        });

    private SignatureMemo() {}

    interface Verification {
        void run() throws GeneralSecurityException;
    }

    /** Runs {@code verification} unless the same (key, object) verified before; throws as it would. */
    static void verify(String kind, PublicKey key, byte[] object, Verification verification) throws GeneralSecurityException {
        String id = key(kind, key, object);
        if (VERIFIED.containsKey(id)) {
            return;
        }
        verification.run();
        VERIFIED.put(id, Boolean.TRUE);
    }

    static void certificate(X509Certificate cert, PublicKey issuerKey) throws GeneralSecurityException {
        verify("cert", issuerKey, cert.getEncoded(), () -> cert.verify(issuerKey));
    }

    static void crl(X509CRL crl, PublicKey issuerKey) throws GeneralSecurityException {
        verify("crl", issuerKey, crl.getEncoded(), () -> crl.verify(issuerKey));
    }

    private static String key(String kind, PublicKey key, byte[] object) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(kind.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            md.update(key.getEncoded());
            md.update(object);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
